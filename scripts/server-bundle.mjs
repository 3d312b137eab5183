// The server as `npm start` runs it: one ES module bundled by esbuild from server/src, rebuilt when
// a source is newer than the bundle. Loading one pre-compiled file instead of ~1,500 modules through
// tsx's loader takes start-up from ~5 s to under 3 s (bench/RESULTS.md, "Start-up").
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const serverBundle = join(root, 'server/dist/main.mjs');

// Kept out of the bundle: packages that find files next to themselves at run time (PGlite's WASM
// and extensions, swagger-ui's static assets, pino's worker transports, pdfkit's font metrics and
// colour profile) or are optional natives.
const EXTERNAL = ['@electric-sql/pglite', '@fastify/swagger-ui', 'pino', 'pg-native', 'esbuild', 'pdfkit'];

function newestMtime(dir, include) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && include(entry.name))
      newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts');

export function serverBundleStale() {
  if (!existsSync(serverBundle)) return true;
  const sources = Math.max(
    newestMtime(join(root, 'server/src'), isSource),
    newestMtime(join(root, 'contracts'), isSource),
    statSync(join(root, 'package-lock.json')).mtimeMs,
    statSync(new URL(import.meta.url)).mtimeMs,
  );
  return statSync(serverBundle).mtimeMs < sources;
}

export async function ensureServerBundle() {
  if (!serverBundleStale()) return serverBundle;
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: [join(root, 'server/src/main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS packages inside an ES module bundle still call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __crmCreateRequire } from 'node:module'; const require = __crmCreateRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
  });
  // Write then rename, map first: a server starting at the same moment never reads half a bundle.
  mkdirSync(dirname(serverBundle), { recursive: true });
  for (const file of [...outputFiles].sort((a) => (a.path.endsWith('.map') ? -1 : 1))) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  return serverBundle;
}
