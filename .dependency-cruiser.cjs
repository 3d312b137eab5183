// The import rules of ARCHITECTURE.md, checked against the real import graph by `npm run lint`
// (dependency-cruiser). Layers: platform → domains → reports. Paths are relative to the repo root;
// scripts/boundaries/boundaries.test.ts runs the same rules over a fixture that breaks each one.

/** A domain's public face: the one file other domains may import from it. */
const PUBLIC_FACE = 'public\\.tsx?$';
/** Composition roots wire every domain together and may reach any domain's registration file. */
const ROOTS = ['^server/src/(app|main|cli|bootstrap)\\.ts$', '^server/src/domains/index\\.ts$', '^web/src/domains/index\\.ts$'];
/** Tests and the test harness build data through any domain's services. */
const TESTS = ['\\.test\\.tsx?$', '^server/src/test/'];

module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-domain',
      comment:
        'The platform (server/src/platform, web/src/shared, web/src/app) serves every domain and knows none of them: domains register themselves with it.',
      severity: 'error',
      from: { path: '^(server/src/platform|web/src/shared|web/src/app)/', pathNot: TESTS },
      to: { path: '^(server/src|web/src)/domains/', pathNot: '^web/src/domains/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one: merge them or move what both need to a third.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-through-public-face',
      comment: "A domain reaches another only through that domain's public.ts, which names what it offers.",
      severity: 'error',
      from: { path: '^(server/src|web/src)/domains/([^/]+)/', pathNot: TESTS },
      to: { path: '^$1/domains/[^/]+/', pathNot: [`^$1/domains/$2/`, `^$1/domains/[^/]+/${PUBLIC_FACE}`] },
    },
    {
      name: 'reports-are-leaves',
      comment: 'Report domains read the domains they report on; nothing but the composition root imports a report.',
      severity: 'error',
      from: {
        path: '^(server/src|web/src)/domains/([^/]+)/',
        pathNot: [...ROOTS, ...TESTS, '^(server/src|web/src)/domains/[^/]*reports/'],
      },
      to: { path: '^(server/src|web/src)/domains/[^/]*reports/' },
    },
    {
      name: 'exports-and-imports-know-no-domain',
      comment: 'Exports and imports are registries: each domain registers its columns and mapping with them.',
      severity: 'error',
      from: { path: '^server/src/domains/(exports|imports)/', pathNot: TESTS },
      to: { path: '^server/src/domains/', pathNot: '^server/src/domains/(exports|imports)/' },
    },
    {
      name: 'contracts-are-shared-leaves',
      comment: 'contracts/ is imported by server and web alike, so it imports neither.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/', '^scripts/boundaries/fixture/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
