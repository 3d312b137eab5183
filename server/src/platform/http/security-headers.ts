import type { FastifyInstance } from 'fastify';

// @fastify/helmet is not a dependency; these few headers are all the app needs, set on every answer
// (pages, static files, JSON, errors and 404s alike) in one onSend hook.

/** The built web app: its own scripts only; Ant Design writes its styles at run time, hence inline styles. */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (/api/docs) styles itself inline and shows the spec's images as data: URLs. */
const DOCS_CSP = APP_CSP.replace("img-src 'self' data: blob:", "img-src 'self' data:");

/** A year, sent only over HTTPS (directly or, with TRUST_PROXY, as the proxy reports it): a browser ignores it over HTTP anyway. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // A quote PDF opened in a tab is shown by the browser's own viewer, which object-src 'none' would block.
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/pdf')) {
      reply.header('Content-Security-Policy', request.url.startsWith('/api/docs') ? DOCS_CSP : APP_CSP);
    }
    // frame-ancestors for current browsers, X-Frame-Options for older ones: no page of the CRM in anyone's frame (clickjacking).
    reply.header('X-Frame-Options', 'DENY');
    reply.header('X-Content-Type-Options', 'nosniff');
    // Record ids in URLs stay on this site; other sites learn only the origin.
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
    return payload;
  });
}
