// One server start-up, phase by phase, as main.ts does it (imports, open the embedded database,
// bootstrap, buildApp, listen), printing wall and CPU milliseconds per phase as JSON. Spawned by
// bench/startup.ts. With --shared-buffers N the database is opened with PGlite.create directly,
// as openPglite does but with that buffer pool, to show what its size costs at start-up.
const wall0 = performance.now();
const cpu0 = process.cpuUsage();
const phases: Record<string, { wallMs: number; cpuMs: number }> = {};
let lastWall = wall0;
let lastCpu = cpu0;
function mark(name: string) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  phases[name] = { wallMs: Math.round(wall - lastWall), cpuMs: Math.round((cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000) };
  lastWall = wall;
  lastCpu = cpu;
}

const { loadConfig } = await import('../../server/src/config.js');
const { openPglite } = await import('../../server/src/platform/db/database.js');
const { bootstrap } = await import('../../server/src/bootstrap.js');
const { buildApp } = await import('../../server/src/app.js');
mark('imports (server modules and their dependencies)');

const dataDir = process.argv[2];
const sharedBuffers = process.argv[3];
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', CRM_DEMO: '0' });
if (sharedBuffers) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const lite = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
  });
  await lite.close();
  mark(`open PGlite (shared_buffers=${sharedBuffers})`);
  console.log(JSON.stringify(phases));
  process.exit(0);
}
const database = await openPglite({ dataDir });
mark('open PGlite (openPglite)');
await bootstrap(database, config);
mark('bootstrap (migrations check, roles, picklists)');
const app = await buildApp({ database, config });
mark('buildApp');
await app.listen({ port: 0, host: '127.0.0.1' });
mark('listen');
console.log(JSON.stringify(phases));
await app.close();
await database.close();

export {};
