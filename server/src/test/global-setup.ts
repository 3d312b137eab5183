import { writeFileSync } from 'node:fs';
import { bootstrap } from '../bootstrap.js';
import { testConfig } from '../config.js';
import { openPglite, openPostgres } from '../platform/db/database.js';
import { TEMPLATE_DB, TEMPLATE_FILE, adminQuery, testDatabaseUrl, withDatabase } from './test-database.js';

/** Builds the migrated template every test file clones (PGlite data-dir dump or a Postgres template database). */
export default async function setup() {
  const url = testDatabaseUrl();
  const config = testConfig({ CRM_ADMIN_PASSWORD: 'Admin12345' });
  if (url) {
    await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await adminQuery(`CREATE DATABASE ${TEMPLATE_DB}`);
    const database = await openPostgres(withDatabase(url, TEMPLATE_DB), 1);
    await bootstrap(database, config);
    await database.close();
    return;
  }
  const database = await openPglite();
  await bootstrap(database, config);
  const dump = await database.dumpDataDir?.();
  if (!dump) throw new Error('PGlite dump failed');
  writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
