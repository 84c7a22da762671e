// Module boundaries (docs/architecture.md "Layers"), checked by `npm run lint`:
// - a module imports another module only through its index.ts;
// - modules import only modules before them in `moduleOrder` (lower layers, or earlier in their
//   own layer), so there is no cycle and nothing below knows what stands above it;
// - platform and db know no module, policy knows only platform, src/shared knows nothing of the
//   server, and the web UI talks to the server only over HTTP.
// Test files may use the test app and helpers (src/server/testing); they too import other
// modules only through the index.

/** Layers bottom-up, each with its modules in the order they may depend on each other. */
const layers = [
  ['regions', 'units', 'staff', 'audit', 'persons', 'registrations', 'certificates', 'households', 'services', 'ledgerImport'],
  ['employers', 'fairs', 'surveys', 'vacancies', 'matching', 'referrals', 'notices'],
  ['assistance', 'ui', 'training', 'loans'],
  ['reports'],
  ['board', 'accounts'],
];
const moduleOrder = layers.flat();
const modulePath = (names) => `^src/server/modules/(${names.join('|')})/`;

const upward = moduleOrder.slice(0, -1).map((name, i) => ({
  name: `layer-order-${name}`,
  comment: `${name} may import only modules before it in the layer order (${moduleOrder.slice(0, i).join(', ') || 'none'})`,
  severity: 'error',
  from: { path: `^src/server/modules/${name}/` },
  to: { path: modulePath(moduleOrder.slice(i + 1)) },
}));

// eslint-disable-next-line no-undef -- a CommonJS config file, as dependency-cruiser expects
module.exports = {
  forbidden: [
    {
      name: 'module-index-only',
      comment: 'Another module is reached only through its index.ts (STYLE "Avoid"): its repo, service, routes and tables are private.',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: { path: '^src/server/modules/[^/]+/', pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'entry-points-use-index',
      comment: 'The app, its wiring, the CLI, demo data and test helpers also use modules through their index.ts.',
      severity: 'error',
      from: { path: '^src/server/', pathNot: '^src/server/modules/' },
      to: { path: '^src/server/modules/[^/]+/', pathNot: '^src/server/modules/[^/]+/index\\.ts$' },
    },
    ...upward,
    {
      name: 'platform-knows-no-module',
      comment: 'platform and db are the bottom layer: no policy, module, app or demo code.',
      severity: 'error',
      from: { path: '^src/server/(platform|db)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/(policy|modules|demo|testing)/|^src/server/(app|wiring|main|bootstrap)\\.ts$' },
    },
    {
      name: 'policy-above-platform-only',
      comment: 'policy parameters stand on platform alone.',
      severity: 'error',
      from: { path: '^src/server/policy/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/(modules|demo|testing)/|^src/server/(app|wiring|main|bootstrap)\\.ts$' },
    },
    {
      name: 'modules-not-into-app',
      comment: 'Modules never import the app, its wiring or the CLI (they are above every module).',
      severity: 'error',
      from: { path: '^src/server/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/(app|wiring|main|bootstrap)\\.ts$|^src/server/(demo|testing)/' },
    },
    {
      name: 'shared-knows-no-server',
      comment: 'src/shared is used by the server and the web UI alike.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-over-http-only',
      comment: 'The web UI uses only the public API (DESIGN "Interfaces").',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle, inside a module or between modules.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules|^dist/|/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
