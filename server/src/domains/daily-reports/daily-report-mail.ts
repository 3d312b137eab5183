import type { Locale } from '@contracts/common.js';
import type { DailySectionResult, TeamSummary } from '@contracts/daily-reports.js';
import { format } from '../../platform/i18n/messages.js';
import { escapeHtml, mailLayout } from '../../platform/mail/mail-html.js';
import { DAILY_TEXT } from './daily-report-texts.js';

/** ¥1,234,567.00 from an exact decimal string (no float on the way). */
export function yuan(value: string): string {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = value.replace(/^-/, '').split('.');
  return `${negative ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0').slice(0, 2)}`;
}

const tally = (s: DailySectionResult) => (s.tally === 'done' ? `${s.done}/${s.count}` : String(s.count));
const cell = 'padding:4px 8px;border-bottom:1px solid #f0f0f0;vertical-align:top';

function sectionHtml(s: DailySectionResult): string {
  const head = `<h3 style="margin:16px 0 6px;font-size:15px">${escapeHtml(s.title)} · ${tally(s)}${s.amount && s.count ? ` · ${yuan(s.amount)}` : ''}</h3>`;
  const rows = s.items
    .map(
      (i) =>
        `<tr><td style="${cell}">${i.done === false ? '○' : '✓'} ${escapeHtml(i.title)}</td><td style="${cell};color:#595959">${escapeHtml(i.detail ?? '')}</td><td style="${cell};text-align:right;white-space:nowrap">${i.amount ? yuan(i.amount) : ''}</td></tr>`,
    )
    .join('');
  return `${head}<table style="width:100%;border-collapse:collapse;font-size:13px">${rows}</table>`;
}

/** A rep's own day: only the sections with something in them, his comment and plan, in his language. */
export function repReportMail(opts: {
  locale: Locale;
  day: string;
  name: string;
  sections: DailySectionResult[];
  activityCount: number;
  comment: string | null;
  plan: string | null;
  previousPlan: string | null;
}) {
  const t = DAILY_TEXT[opts.locale];
  const filled = opts.sections.filter((s) => s.count > 0);
  const notes = (label: string, value: string | null) =>
    value
      ? `<h3 style="margin:16px 0 6px;font-size:15px">${escapeHtml(label)}</h3><p style="white-space:pre-wrap;margin:0">${escapeHtml(value)}</p>`
      : '';
  const body = [
    filled.length ? filled.map(sectionHtml).join('') : `<p>${escapeHtml(t.nothingLogged)}</p>`,
    notes(t.previousPlan, opts.previousPlan),
    notes(t.comment, opts.comment),
    notes(t.plan, opts.plan),
    `<p style="margin-top:16px;color:#595959">${escapeHtml(t.openInApp)}</p>`,
  ].join('');
  const subject = format(t.repSubject, { day: opts.day, name: opts.name });
  const text = [
    subject,
    ...(filled.length
      ? filled.flatMap((s) => [
          `\n${s.title} (${tally(s)})`,
          ...s.items.map((i) => `- ${i.title}${i.detail ? `：${i.detail}` : ''}${i.amount ? ` ${yuan(i.amount)}` : ''}`),
        ])
      : [t.nothingLogged]),
    ...(opts.comment ? [`\n${t.comment}\n${opts.comment}`] : []),
    ...(opts.plan ? [`\n${t.plan}\n${opts.plan}`] : []),
  ].join('\n');
  return { subject, html: mailLayout({ lang: opts.locale, title: subject, body, footer: t.footer }), text };
}

/** A manager's team for the day: a row per rep, who logged nothing, untouched key customers. */
export function teamSummaryMail(opts: { locale: Locale; day: string; team: string; summary: TeamSummary }) {
  const t = DAILY_TEXT[opts.locale];
  const { summary } = opts;
  const week = summary.period === 'week';
  const silentTitle = week ? t.silentWeek : t.silent;
  // A mail is 680 px wide: only the sections someone in the team has anything in get a column.
  const shown = summary.sections.filter((s) => summary.reps.some((r) => (r.counts[s.key] ?? 0) > 0));
  const th = `${cell};text-align:left;background:#fafafa`;
  const header = `<tr><th style="${th}">${escapeHtml(t.rep)}</th>${shown.map((s) => `<th style="${th}">${escapeHtml(s.title)}</th>`).join('')}<th style="${th}">${escapeHtml(t.activity)}</th></tr>`;
  const figure = (r: { counts: Record<string, number>; done: Record<string, number> }, key: string, tallyKind: string) =>
    tallyKind === 'done' ? `${r.done[key] ?? 0}/${r.counts[key] ?? 0}` : String(r.counts[key] ?? 0);
  const rows = summary.reps
    .map(
      (r) =>
        `<tr><td style="${cell}">${escapeHtml(r.displayName)}${r.activityCount === 0 ? ' ⚠' : ''}</td>${shown.map((s) => `<td style="${cell}">${figure(r, s.key, s.tally)}</td>`).join('')}<td style="${cell}">${r.activityCount}</td></tr>`,
    )
    .join('');
  const silent = summary.silent.length
    ? `<p>${summary.silent.map((s) => escapeHtml(`${s.displayName}${s.departmentName ? `（${s.departmentName}）` : ''}`)).join('、')}</p>`
    : `<p>${escapeHtml(t.silentNone)}</p>`;
  const untouched = summary.untouchedKeyCustomers.length
    ? `<ul style="padding-left:18px;margin:0">${summary.untouchedKeyCustomers
        .map(
          (c) =>
            `<li>${escapeHtml(c.name)} — ${escapeHtml(c.ownerName)}，${escapeHtml(c.lastFollowUpAt ? format(t.overdueDays, { days: c.overdueDays }) : t.neverFollowedUp)}</li>`,
        )
        .join('')}</ul>`
    : `<p>${escapeHtml(t.untouchedNone)}</p>`;
  const titleOf = (key: string) => summary.sections.find((s) => s.key === key)?.title ?? key;
  const unusualReps = summary.needsAttention.filter((n) => n.unusualSections.length > 0);
  const unusualLine = (n: (typeof unusualReps)[number]) => `${n.displayName}：${n.unusualSections.map(titleOf).join('、')}`;
  const unusual = unusualReps.length
    ? `<h3 style="margin:16px 0 6px;font-size:15px">${escapeHtml(t.unusual)}</h3><p>${unusualReps.map((n) => escapeHtml(unusualLine(n))).join('<br>')}</p>`
    : '';
  const body = `<table style="width:100%;border-collapse:collapse;font-size:13px">${header}${rows}</table>
<h3 style="margin:16px 0 6px;font-size:15px">${escapeHtml(silentTitle)}</h3>${silent}${unusual}
<h3 style="margin:16px 0 6px;font-size:15px">${escapeHtml(t.untouched)}</h3>${untouched}`;
  const subject = format(week ? t.weekSubject : t.teamSubject, { day: opts.day, team: opts.team });
  const text = [
    subject,
    ...summary.reps.map((r) => `${r.displayName}: ${shown.map((s) => `${s.title} ${figure(r, s.key, s.tally)}`).join('，')}`),
    `\n${silentTitle}: ${summary.silent.map((s) => s.displayName).join('、') || t.silentNone}`,
    ...(unusualReps.length ? [`\n${t.unusual}:`, ...unusualReps.map(unusualLine)] : []),
    `\n${t.untouched}:`,
    ...summary.untouchedKeyCustomers.map((c) => `- ${c.name} (${c.ownerName})`),
  ].join('\n');
  return { subject, html: mailLayout({ lang: opts.locale, title: subject, body, footer: t.footer }), text };
}
