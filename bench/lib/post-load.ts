import { Worker } from 'node:worker_threads';
import { type LoadResult, percentile } from './load.js';

export interface PostResult extends LoadResult {
  /** Responses per HTTP status. */
  statuses: Record<string, number>;
  /** With `pick`: that field of each response body, in the order of `requests`. */
  picked: unknown[];
  /** The first non-2xx body, to say why. */
  firstError: string | null;
}

// Writes cannot be replayed (an approval consumes its request), so autocannon's cycling does not fit:
// `connections` loops on a worker thread (off the server's event loop, like lib/load.ts) take the
// next request from one queue until it is empty, each request sent exactly once. Latency is from
// sending to the whole body read, in fractional milliseconds; parsing happens after the clock stops.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, requests, headers, connections, pick } = workerData;
const latencies = [];
const statuses = {};
const picked = new Array(requests.length).fill(null);
let firstError = null;
let failures = 0;
let next = 0;
const started = performance.now();
async function loop() {
  while (next < requests.length) {
    const i = next++;
    const r = requests[i];
    const t = performance.now();
    let status = 0;
    let text = '';
    try {
      const res = await fetch(base + r.path, {
        method: r.method || 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(r.body || {}),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      text = String(e);
    }
    const ms = performance.now() - t;
    statuses[status] = (statuses[status] || 0) + 1;
    if (status >= 200 && status < 300) latencies.push(ms);
    else {
      failures++;
      if (firstError === null) firstError = status + ' ' + text.slice(0, 300);
    }
    if (pick) {
      try { picked[i] = JSON.parse(text)[pick]; } catch {}
    }
  }
}
Promise.all(Array.from({ length: connections }, loop)).then(() =>
  parentPort.postMessage({ latencies: Float64Array.from(latencies), seconds: (performance.now() - started) / 1000, statuses, picked, firstError, failures }),
);
`;

/** Sends every request once, `connections` at a time; p50/p95/p99 over the 2xx responses. */
export function runPosts(opts: {
  base: string;
  requests: { path: string; body?: unknown; method?: string }[];
  headers: Record<string, string>;
  connections: number;
  pick?: string;
}): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: opts });
    worker.once(
      'message',
      (m: {
        latencies: Float64Array;
        seconds: number;
        statuses: Record<string, number>;
        picked: unknown[];
        firstError: string | null;
        failures: number;
      }) => {
        void worker.terminate();
        const sorted = m.latencies.slice().sort();
        resolve({
          requests: sorted.length,
          seconds: m.seconds,
          rps: sorted.length / m.seconds,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          failures: m.failures,
          statuses: m.statuses,
          picked: m.picked,
          firstError: m.firstError,
        });
      },
    );
    worker.once('error', reject);
  });
}
