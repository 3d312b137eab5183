// `npm start`: builds the web client and bundles the server (scripts/server-bundle.mjs) when either
// is missing or older than its sources, then runs the bundled server in this process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBundle } from './server-bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
// DATA_DIR and WEB_DIST default to paths relative to the project, wherever this is started from.
process.chdir(root);
const indexHtml = join(root, 'web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}
const stale = (output, sources) => !existsSync(output) || statSync(output).mtimeMs < sources;

const sources = Math.max(
  newestMtime(join(root, 'web/src')),
  newestMtime(join(root, 'contracts')),
  statSync(join(root, 'web/index.html')).mtimeMs,
);
if (stale(indexHtml, sources)) {
  console.log('Building the web client …');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// In this process: the server closes the embedded database cleanly on SIGINT/SIGTERM itself.
await import(pathToFileURL(await ensureServerBundle()).href);
