import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { seedDemo } from './domains/demo/seed-demo.js';
import { openDatabase } from './platform/db/database.js';

const started = Date.now();
const config = loadConfig();
const database = await openDatabase(config);
const boot = await bootstrap(database, config);
const banner: string[] = [];
if (boot.admin) {
  banner.push(`  管理员 admin / ${boot.admin.password}${boot.admin.generated ? '   (generated: note it now, it is shown only once)' : ''}`);
  if (config.CRM_DEMO) {
    const demo = await seedDemo(database.db);
    banner.push(`  演示账号 demo users (password for all: ${demo.password}):`);
    for (const u of demo.users) banner.push(`    ${u.username.padEnd(12)} ${u.role.padEnd(16)} ${u.displayName} · ${u.department}`);
  }
}

const app = await buildApp({ database, config, scheduler: true });
await app.listen({ port: config.PORT, host: config.HOST });
const url = `${config.TLS_CERT_FILE ? 'https' : 'http'}://localhost:${config.PORT}`;
console.log(
  [
    '',
    `CRM is running at ${url}  (API docs ${url}/api/docs, ${database.kind === 'pglite' ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL'})`,
    ...(banner.length ? ['First start — sign in with:', ...banner] : []),
    `Started in ${Date.now() - started} ms`,
    '',
  ].join('\n'),
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
