// `npm run crm -- <command>`: administration from the shell, on the same database `npm start` uses.
import { parseArgs } from 'node:util';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { seedDemo } from './domains/demo/seed-demo.js';
import { importFromCli } from './domains/imports/import-cli.js';
// Each domain registers its imports (with its entities and jobs) as its routes module loads.
import './domains/index.js';
import { createUser } from './domains/organisation/user-service.js';
import { generatePassword, hashPassword, meetsPasswordPolicy } from './platform/auth/passwords.js';
import { openDatabase } from './platform/db/database.js';
import { openFileStorage } from './platform/files/file-storage.js';
import { migrate } from './platform/db/migrate.js';

const USAGE = `Usage: npm run crm -- <command> [options]

  migrate                                   apply pending database migrations
  create-user --username U --password P --role ROLE [--department NAME] [--name DISPLAY]
                                            roles: admin director manager rep finance legal project_manager purchasing
  reset-password --username U [--password P] (a password is generated when omitted)
  seed-demo                                 add the demo company (departments, users, customers)
  import --entity customers|contacts|leads --file F --username U [--map "标题=field,…"] [--strict] [--dry-run] [--allow-duplicates]
                                            import a CSV or XLSX file as user U; bad rows go to F.errors.csv
`;

/** Bootstraps like `npm start` does, and shows the first admin's password if one was just created. */
async function ensureBootstrapped(database: Awaited<ReturnType<typeof openDatabase>>, config: ReturnType<typeof loadConfig>) {
  const boot = await bootstrap(database, config);
  if (boot.admin) console.log(`Created the first admin: admin / ${boot.admin.password}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    username: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    department: { type: 'string' },
    name: { type: 'string' },
    entity: { type: 'string' },
    file: { type: 'string' },
    map: { type: 'string' },
    strict: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'allow-duplicates': { type: 'boolean' },
  },
  strict: true,
});

if (!command || command === 'help' || command === '--help') {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}

const config = loadConfig();
const database = await openDatabase(config);
try {
  const db = database.db;
  switch (command) {
    case 'migrate': {
      const applied = await migrate(database);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      break;
    }
    case 'create-user': {
      const { username, password, role, department, name } = values;
      if (!username || !password || !role) fail(`create-user needs --username, --password and --role\n\n${USAGE}`);
      if (!meetsPasswordPolicy(password)) fail('The password needs at least 8 characters with letters and digits.');
      await ensureBootstrapped(database, config);
      let departmentId: string | null = null;
      if (department) {
        const d = await db
          .selectFrom('departments')
          .select('id')
          .where('name', '=', department)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!d) fail(`No department named "${department}".`);
        departmentId = d.id;
      }
      await db
        .transaction()
        .execute((trx) => createUser(trx, { username, password, roles: [role], departmentId, displayName: name ?? username }));
      console.log(`Created user ${username} (${role}).`);
      break;
    }
    case 'reset-password': {
      const { username } = values;
      if (!username) fail('reset-password needs --username');
      const password = values.password ?? generatePassword();
      if (!meetsPasswordPolicy(password)) fail('The password needs at least 8 characters with letters and digits.');
      const res = await db
        .updateTable('users')
        .set({ password_hash: await hashPassword(password), password_changed_at: new Date() })
        .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) fail(`No user named "${username}".`);
      await db.deleteFrom('login_failures').where('key', '=', `user:${username.toLowerCase()}`).execute();
      console.log(`New password for ${username}: ${password}`);
      break;
    }
    case 'seed-demo': {
      await ensureBootstrapped(database, config);
      const existing = await db.selectFrom('users').select('id').where('username', '=', 'zhao.zong').executeTakeFirst();
      if (existing) fail('The demo company is already there.');
      const demo = await seedDemo(db);
      console.log(`Demo company added. Password for all demo users: ${demo.password}`);
      for (const u of demo.users) console.log(`  ${u.username.padEnd(12)} ${u.role.padEnd(16)} ${u.displayName} · ${u.department}`);
      break;
    }
    case 'import': {
      const { entity, file, username } = values;
      if (!entity || !file || !username) fail(`import needs --entity, --file and --username\n\n${USAGE}`);
      const started = Date.now();
      const r = await importFromCli(
        db,
        {
          entity,
          file,
          username,
          map: values.map,
          strict: values.strict,
          dryRun: values['dry-run'],
          allowDuplicates: values['allow-duplicates'],
        },
        (line) => console.log(line),
        openFileStorage(config, db),
      );
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${r.status}: ${r.rows} rows read, ${r.ok} ${values['dry-run'] ? 'would be imported' : 'imported'}, ${r.errors} with errors (${r.duplicates} duplicates) in ${seconds.toFixed(1)} s`,
      );
      if (r.status !== 'done' && r.status !== 'checked') process.exitCode = 1;
      break;
    }
    default:
      fail(`Unknown command "${command}".\n\n${USAGE}`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
