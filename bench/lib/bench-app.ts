import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { buildApp } from '../../server/src/app.js';
import { installCapture } from './capture.js';

type BenchApp = Awaited<ReturnType<typeof buildApp>>;

/** SQL capture that only counts statements of requests sent with `x-bench-record: 1`. */
export function captureRecorded() {
  const recording = new AsyncLocalStorage<boolean>();
  const capture = installCapture(() => recording.getStore() === true);
  return { recording, capture };
}

/**
 * Starts the app on 127.0.0.1 (a free port) and returns its base URL and `settle`. With `recording`,
 * the recorded request's async context is marked ahead of Fastify's own listener (so ahead of the
 * auth hook's session lookup). Requests still being handled when a load run ends (autocannon stops
 * waiting for them) must not leak into the next capture or raw run: `settle` waits until none are.
 */
export async function listenForBench(app: BenchApp, recording?: AsyncLocalStorage<boolean>) {
  let inFlight = 0;
  app.addHook('onRequest', async () => {
    inFlight++;
  });
  if (recording)
    app.server.prependListener('request', (req: { headers: Record<string, unknown> }) => {
      recording.enterWith(req.headers['x-bench-record'] === '1');
    });
  app.addHook('onSend', async () => {
    inFlight--;
  });
  async function settle() {
    for (let i = 0; i < 1200 && inFlight > 0; i++) await new Promise((r) => setTimeout(r, 50));
    if (inFlight > 0) throw new Error(`${inFlight} requests still running after 60 s`);
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { base: `http://127.0.0.1:${address.port}`, settle };
}

/** Milliseconds (or req/s) as the result tables print them. */
export const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(n < 10 ? 2 : 1));

export const machineInfo = () => ({
  cpus: cpus().length,
  model: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
});

/** Writes bench/out/<name> (JSON for an object) and says so. */
export function writeOut(name: string, content: string | object) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  console.log(`written ${file}`);
  return file;
}
