// The layering rules of docs/architecture.md ("Layers and their rules"), checked by
// apps/server/src/layering.test.ts (npm test) and by hand with `npx depcruise apps packages`.
// Paths are relative to the repository root. Type-only imports count (tsPreCompilationDeps).
const SERVER = '^apps/server/src/';
const NOT_BELOW_PLATFORM = [`${SERVER}modules/`, `${SERVER}context\\.ts$`, `${SERVER}entry/`, `${SERVER}demo/`];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-module',
      comment: 'The platform (db, clock, crypto, audit writer, HTTP plumbing) imports no module, no Ctx, no entry, no demo.',
      severity: 'error',
      from: { path: `${SERVER}platform/` },
      to: { path: NOT_BELOW_PLATFORM },
    },
    {
      name: 'access-knows-no-module',
      comment: 'Access (grants, scopes, authorize) imports no module, no Ctx, no entry, no demo.',
      severity: 'error',
      from: { path: `${SERVER}access/` },
      to: { path: NOT_BELOW_PLATFORM },
    },
    {
      name: 'contracts-import-only-zod-and-dayjs',
      comment: 'Contracts are shared by server and web: they import each other, zod and dayjs, nothing else.',
      severity: 'error',
      from: { path: '^packages/contracts/src/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^packages/contracts/src/', '(^|/)node_modules/(zod|dayjs)/', '^(zod|dayjs)(/|$)'] },
    },
    {
      name: 'web-imports-nothing-from-the-server',
      comment: 'The web app talks to the server over HTTP only; shared shapes come from contracts.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'use-cases-never-import-fastify',
      comment: 'Only *.routes.ts files know HTTP; use cases take a Ctx.',
      severity: 'error',
      from: { path: `${SERVER}modules/`, pathNot: '\\.routes\\.ts$' },
      to: { path: ['(^|/)node_modules/(fastify|@fastify/[^/]+|fastify-[^/]+)/', '^(fastify|@fastify/[^/]+|fastify-[^/]+)$'] },
    },
  ],
  options: {
    parser: 'swc', // TypeScript 7 has no JavaScript compiler API; swc parses TypeScript for the cruiser.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^apps/web/dist/' },
    enhancedResolveOptions: {
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      conditionNames: ['import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
    },
  },
};
