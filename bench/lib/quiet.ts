import { readFileSync } from 'node:fs';

function cpuTimes(): { idle: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]; // "cpu  user nice system idle iowait irq softirq steal …"
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    return { idle: v[3] + (v[4] ?? 0), total: v.reduce((a, b) => a + b, 0) };
  } catch {
    return null; // not Linux: no check
  }
}

/** Share of all cores busy over `ms` (0–100), or null where /proc/stat is missing. */
export async function busyPercent(ms = 1000): Promise<number | null> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return null;
  return 100 * (1 - (b.idle - a.idle) / (b.total - a.total));
}

/**
 * The machine is shared: before a measurement, wait (at most maxWaitS) until the other work on it
 * keeps the cores less than `threshold` percent busy while this benchmark is idle. Returns the last
 * reading, recorded with the result.
 */
export async function waitForQuiet(threshold: number, maxWaitS: number): Promise<number | null> {
  const deadline = Date.now() + maxWaitS * 1000;
  let busy = await busyPercent();
  while (busy !== null && busy > threshold && Date.now() < deadline) busy = await busyPercent();
  return busy;
}
