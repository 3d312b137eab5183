import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses that were not 2xx, plus socket errors and timeouts (app runs only). */
  failures: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summarise(latencies: Float64Array, seconds: number, failures: number): LoadResult {
  const sorted = latencies.slice().sort();
  return {
    requests: sorted.length,
    seconds,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    failures,
  };
}

// autocannon runs on its own thread so the HTTP client does not share the server's event loop
// (with PGlite the database runs on the main thread too). Latencies come from autocannon's
// 'response' events, in fractional milliseconds: its own histogram rounds to whole ones.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const latencies = [];
let failures = 0;
const started = process.hrtime.bigint();
const instance = autocannon(
  {
    url: workerData.url,
    connections: workerData.connections,
    duration: workerData.duration,
    headers: workerData.headers,
    requests: workerData.paths.map((path) => ({ method: 'GET', path })),
    timeout: 30,
  },
  (err, res) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (err) parentPort.postMessage({ error: String(err) });
    else parentPort.postMessage({ latencies: Float64Array.from(latencies), seconds, failures: failures + res.errors + res.timeouts });
  },
);
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  else failures++;
});
`;

/** autocannon against base + paths (cycled per connection) for `seconds`. */
export function runHttp(opts: {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const require = createRequire(import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        autocannon: require.resolve('autocannon'),
        url: opts.base,
        paths: opts.paths,
        headers: opts.headers,
        connections: opts.connections,
        duration: opts.seconds,
      },
    });
    worker.once('message', (m: { error?: string; latencies: Float64Array; seconds: number; failures: number }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(summarise(m.latencies, m.seconds, m.failures));
    });
    worker.once('error', reject);
  });
}

export interface Query {
  text: string;
  values: unknown[];
}

/**
 * The raw baseline: `concurrency` loops replaying captured requests (each a sequence of queries,
 * issued one after the other as the app does) until the time is up. Also sums time per query slot.
 */
export async function runRaw(
  exec: (q: Query) => Promise<unknown>,
  requests: Query[][],
  concurrency: number,
  seconds: number,
): Promise<LoadResult & { perQueryMs: number[] }> {
  const latencies: number[] = [];
  const slots = Math.max(...requests.map((r) => r.length));
  const perQuery = new Array<number>(slots).fill(0);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let next = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const seq = requests[next++ % requests.length];
        const t = performance.now();
        try {
          for (const [i, q] of seq.entries()) {
            const tq = performance.now();
            await exec(q);
            perQuery[i] += performance.now() - tq;
          }
          latencies.push(performance.now() - t);
        } catch {
          failures++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const result = summarise(Float64Array.from(latencies), elapsed, failures);
  return { ...result, perQueryMs: perQuery.map((total) => total / Math.max(1, result.requests)) };
}
