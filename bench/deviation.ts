// O7: what the funnel's binomial test costs per cell (platform/reports/deviation.ts), at the rep sizes
// of the demo (8–80 open deals) and of the 2M-opportunity data set (500–1,000). No database.
//   npx tsx bench/deviation.ts
import { binomialTwoSidedP } from '../server/src/platform/reports/deviation.js';

const CELLS = 2000 * 6; // 2,000 reps × 6 stages: one funnel of the whole company
for (const n of [8, 80, 500, 1000]) {
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    let sum = 0;
    for (let c = 0; c < CELLS; c++) sum += binomialTwoSidedP(c % (n + 1), n, 0.13);
    runs.push(performance.now() - t0);
    if (Number.isNaN(sum)) throw new Error('NaN');
  }
  runs.sort((a, b) => a - b);
  console.log(
    `n = ${String(n).padStart(4)}: ${CELLS} cells in ${runs[2].toFixed(1)} ms (median of 5; ${((runs[2] * 1000) / CELLS).toFixed(2)} µs a cell)`,
  );
}
