// Global search (C11) at scale: /api/v1/search for 2-character Chinese queries over the benchmark
// company (bench:gen, 1M customers, 1.5M contacts) plus one follow-up per customer (made here).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench npm run bench:search
//   options: --seconds 10  --connections 10,2  --follow-ups 1000000
//
// Each query is sent through the real app (buildApp, as npm start), signed in as a rep, a region
// manager and the director; p50/p99 come from every response (bench/lib/load.ts).
import { sql } from 'kysely';
import { loadConfig } from '../server/src/config.js';
import { buildApp } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { openPostgres } from '../server/src/platform/db/database.js';
import { listenForBench } from './lib/bench-app.js';
import { arg, intArg } from './lib/cli.js';
import { BENCH_PASSWORD } from './lib/dataset.js';
import { runHttp } from './lib/load.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL (PostgreSQL, made by npm run bench:gen)');
const SECONDS = intArg('seconds', 'BENCH_SECONDS', 10);
const CONNECTIONS = (arg('connections') ?? '10,2').split(',').map(Number);
const FOLLOW_UPS = intArg('follow-ups', 'BENCH_FOLLOW_UPS', 1_000_000);
const QUERIES = ['华创', '医疗', '续约'];

const database = await openPostgres(url, 10);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
const started = Date.now();
const boot = await bootstrap(database, config);
if (boot.applied.length) console.log(`applied ${boot.applied.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const have = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM follow_ups`.execute(database.db)).rows[0].n;
if (have < FOLLOW_UPS) {
  const t0 = Date.now();
  // One follow-up per customer, by its owner, with text a rep would write (some say 续约, some 医疗).
  await sql`
    INSERT INTO follow_ups (customer_id, type, content, occurred_at, owner_id, owner_dept_id, created_by, updated_by)
    SELECT c.id, (ARRAY['call','visit','email','meeting','note'])[1 + (n % 5)],
           (ARRAY['电话沟通了续约意向，客户要求再降 3%', '拜访了设备科，介绍了医疗行业案例', '发了报价单，等采购回复',
                  '约了下周技术交流，对方 IT 负责人参加', '客户在评估两家供应商，我们价格偏高'])[1 + (n % 5)],
           now() - make_interval(days => (n % 700)::int), c.owner_id, c.owner_dept_id, c.owner_id, c.owner_id
      FROM (SELECT id, owner_id, owner_dept_id, row_number() OVER () AS n FROM customers WHERE owner_id IS NOT NULL LIMIT ${FOLLOW_UPS - have}) c`.execute(
    database.db,
  );
  await sql`VACUUM (ANALYZE) follow_ups`.execute(database.db);
  console.log(`follow-ups: ${FOLLOW_UPS - have} made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const app = await buildApp({ database, config });
const { base } = await listenForBench(app);

async function login(username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

console.log(`search benchmark on ${url.replace(/\/\/[^@]*@/, '//')}: ${SECONDS} s per run`);
console.log('| who | query | connections | hits per group | req/s | p50 ms | p99 ms |');
console.log('|---|---|---:|---|---:|---:|---:|');
try {
  for (const who of ['rep001', 'mgr.east', 'director']) {
    const cookie = await login(who);
    for (const q of QUERIES) {
      const path = `/api/v1/search?q=${encodeURIComponent(q)}`;
      const sample = (await (await fetch(`${base}${path}`, { headers: { cookie } })).json()) as {
        groups: { type: string; hits: unknown[]; more: boolean }[];
      };
      const hits = sample.groups.map((g) => `${g.type} ${g.hits.length}${g.more ? '+' : ''}`).join(', ') || 'none';
      for (const connections of CONNECTIONS) {
        await runHttp({ base, paths: [path], headers: { cookie }, connections, seconds: 2 });
        const r = await runHttp({ base, paths: [path], headers: { cookie }, connections, seconds: SECONDS });
        console.log(`| ${who} | ${q} | ${connections} | ${hits} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
      }
    }
  }
} finally {
  await app.close();
  await database.close();
}
