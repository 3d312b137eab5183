// Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
function aptGet(...args) {
  const [cmd, ...pre] = process.getuid?.() === 0 ? ['apt-get'] : ['sudo', 'apt-get'];
  return spawnSync(cmd, [...pre, ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

if (!existsSync(CHROMIUM)) {
  console.log("Chromium is missing; installing Debian's package …");
  // CJK fonts too, or screenshots of the Chinese UI show empty boxes; poppler-utils gives the quote
  // PDF test (quote-pdf.test.ts) a second text extractor, pdftotext, on the runs after this one.
  if (
    !aptGet('update') ||
    !aptGet('install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk', 'poppler-utils') ||
    !existsSync(CHROMIUM)
  ) {
    console.error('Could not install chromium.');
    process.exit(1);
  }
}

const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
});
process.exit(run.status ?? 1);
