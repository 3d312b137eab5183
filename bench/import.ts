// Import benchmark (C10): a generated customers CSV through the same path as the web page and
// `npm run crm -- import` (upload into the database, mapping, duplicate checks, batched writes).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench npm run bench:import -- --rows 100000
//   DATA_DIR=/tmp/bench-import-pglite npm run bench:import -- --rows 100000 --recreate
//
// Existing customers in the target make the duplicate checks real work (bench:gen fills them).
// About 1 % of the rows are bad (an amount that is not one) and 1 % repeat an earlier name.
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { sql } from 'kysely';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { importFromCli } from '../server/src/domains/imports/import-cli.js';
import { type Database, openPglite, openPostgres } from '../server/src/platform/db/database.js';
import { describeTarget, flag, intArg, recreateTarget, target } from './lib/cli.js';
import { BENCH_PASSWORD, BUSINESS, REGIONS } from './lib/dataset.js';

const where = target('/tmp/bench-import-pglite');
const ROWS = intArg('rows', 'BENCH_ROWS', 100_000);
const file = `/tmp/bench-import-${ROWS}.csv`;

const INDUSTRY_LABELS = ['制造业', '金融', '互联网', '零售', '医疗', '教育', '能源', '物流'];

async function writeFile() {
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  };
  await write('客户名称,行业,公司电话,所在地区,标签,信用额度,重点客户,备注');
  const run = Date.now().toString(36);
  for (let i = 0; i < ROWS; i++) {
    // Every hundredth row repeats the row before it; every hundredth-and-one has a bad amount.
    const n = i % 100 === 99 ? i - 1 : i;
    const region = REGIONS[n % REGIONS.length];
    const business = BUSINESS[n % BUSINESS.length][1];
    const credit = i % 100 === 50 ? '很多' : `${(n % 500) * 1000}.00`;
    await write(
      `导入${run}${n}${business}有限公司,${INDUSTRY_LABELS[n % INDUSTRY_LABELS.length]},0${(n % 900) + 100}-${run}${n},` +
        `${region.name}${region.cities[n % region.cities.length]},"重点,展会",${credit},${n % 10 === 0 ? '是' : '否'},第${n}行导入`,
    );
  }
  out.end();
  await once(out, 'finish');
}

// A new file each run: its names are new, so only the planted repeats are duplicates.
await writeFile();
console.log(`Import benchmark: ${ROWS.toLocaleString()} rows (${(statSync(file).size / 1e6).toFixed(1)} MB) → ${describeTarget(where)}`);
if (flag('recreate')) await recreateTarget(where);
const database: Database =
  where.kind === 'postgres'
    ? await openPostgres(where.url, 4)
    : await openPglite({ dataDir: where.dataDir, sharedBuffers: process.env.PGLITE_SHARED_BUFFERS ?? '32MB' });
try {
  const config = loadConfig({ ...process.env, CRM_ADMIN_PASSWORD: BENCH_PASSWORD, CRM_DEMO: '0', LOG_LEVEL: 'silent' });
  await bootstrap(database, config);
  const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM customers WHERE deleted_at IS NULL`.execute(database.db);
  console.log(`  customers already there: ${before.rows[0].n.toLocaleString()}`);

  let peak = process.memoryUsage().rss;
  console.log(`  RSS before the import: ${(peak / 1024 / 1024).toFixed(0)} MB`);
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  const r = await importFromCli(database.db, { entity: 'customers', file, username: 'admin' }, () => {});
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `  ${r.status}: ${r.rows.toLocaleString()} rows, ${r.ok.toLocaleString()} imported, ${r.errors.toLocaleString()} rejected ` +
      `(${r.duplicates.toLocaleString()} duplicates) in ${seconds.toFixed(1)} s`,
  );
  console.log(
    `  ${Math.round(r.rows / seconds).toLocaleString()} rows/s; peak RSS during the import ${(peak / 1024 / 1024).toFixed(0)} MB (whole process, sampled every 50 ms)`,
  );
} finally {
  await database.close();
}
