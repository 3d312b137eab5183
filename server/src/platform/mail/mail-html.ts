const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value a user typed goes through this before it lands in a mail's HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The frame every mail shares: inline styles only (mail clients drop <style>), a CJK-friendly
 * font stack, and the company's name in the footer. `body` is HTML the caller built with escapeHtml.
 */
export function mailLayout(opts: { lang: string; title: string; body: string; footer?: string }): string {
  return `<!doctype html><html lang="${escapeHtml(opts.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f5;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1f1f1f">
<div style="max-width:680px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<h2 style="margin:0 0 16px;font-size:18px">${escapeHtml(opts.title)}</h2>
${opts.body}
${opts.footer ? `<p style="margin-top:24px;color:#8c8c8c;font-size:12px">${escapeHtml(opts.footer)}</p>` : ''}
</div></body></html>`;
}
