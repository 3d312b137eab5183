import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { registerSecurityHeaders } from '../platform/http/security-headers.js';
import { call, startTestApp, type TestApp } from '../test/test-app.js';

/** A throw-away self-signed certificate for localhost, made with the openssl CLI (Debian ships it). */
function selfSignedCertificate(dir: string) {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'pipe' },
  );
  return { cert, key };
}

function httpsGet(port: number, path: string, ca: Buffer): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, ca, servername: 'localhost' }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS from a configured certificate and key (TLS_CERT_FILE / TLS_KEY_FILE)', () => {
  let dir: string;
  let t: TestApp;
  let port: number;
  let ca: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-tls-'));
    const files = selfSignedCertificate(dir);
    ca = readFileSync(files.cert);
    t = await startTestApp({ TLS_CERT_FILE: files.cert, TLS_KEY_FILE: files.key });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the API over TLS with that certificate, with HSTS', async () => {
    const res = await httpsGet(port, '/healthz', ca);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const anonymous = await httpsGet(port, '/api/v1/customers', ca);
    expect(anonymous.status).toBe(401);
  });

  it('refuses to start with only one of the two files', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: '/x/cert.pem' })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE go together/);
    expect(() => loadConfig({ TLS_KEY_FILE: '/x/key.pem' })).toThrow(/go together/);
  });
});

describe('security headers on every answer', () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    [t, proxied] = await Promise.all([startTestApp(), startTestApp({ TRUST_PROXY: true })]);
  });
  afterAll(async () => {
    await Promise.all([t.close(), proxied.close()]);
  });

  it('sends CSP, frame, referrer and content-type headers on JSON, errors, 404s and the API docs', async () => {
    for (const url of ['/healthz', '/api/v1/customers', '/api/v1/no-such-route', '/api/docs/static/index.html', '/api/openapi.json']) {
      const res = await call(t.app, 'GET', url);
      expect(res.status, url).toBeLessThan(500);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toContain('unsafe-eval');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      // Plain HTTP: no HSTS (a browser would ignore it, and a proxy may not speak HTTPS).
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS behind a TLS-terminating proxy only when TRUST_PROXY lets it believe X-Forwarded-Proto', async () => {
    const headers = { 'x-forwarded-proto': 'https' };
    expect((await call(proxied.app, 'GET', '/healthz', { headers })).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await call(t.app, 'GET', '/healthz', { headers })).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('security headers on files the browser shows itself', () => {
  it('leaves the CSP off a PDF (the browser’s PDF viewer would be blocked by it) and keeps the other headers', async () => {
    const app = Fastify();
    registerSecurityHeaders(app);
    app.get('/quote.pdf', (_req, reply) => reply.type('application/pdf').send(Buffer.from('%PDF-1.4')));
    app.get('/page', (_req, reply) => reply.type('text/html').send('<p>hi</p>'));
    const pdf = await app.inject({ method: 'GET', url: '/quote.pdf' });
    expect(pdf.headers['content-security-policy']).toBeUndefined();
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.headers['x-frame-options']).toBe('DENY');
    expect((await app.inject({ method: 'GET', url: '/page' })).headers['content-security-policy']).toContain("script-src 'self'");
    await app.close();
  });
});
