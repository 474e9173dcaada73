import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseSync } from '@swc/core';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The layering rules (docs/architecture.md, "Layers and their rules"); the cruiser's rules are in .dependency-cruiser.cjs. */
const root = path.resolve(import.meta.dirname, '../../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as Required<
  Pick<IConfiguration, 'forbidden' | 'options'>
>;

/**
 * TEMPORARY: use cases that still import Fastify's types (they stream a reply). The list only shrinks: the test
 * fails on a violation not listed here and on a listed one that is gone.
 */
const KNOWN_LAYERING_VIOLATIONS = [
  'use-cases-never-import-fastify: apps/server/src/modules/attachments/download-attachment.ts',
  'use-cases-never-import-fastify: apps/server/src/modules/enterprises/excel/export-enterprises.ts',
  'use-cases-never-import-fastify: apps/server/src/modules/governance/releases/export-relay-report.ts',
  'use-cases-never-import-fastify: apps/server/src/modules/members/excel/export-members.ts',
  'use-cases-never-import-fastify: apps/server/src/modules/services/export-service-requests.ts',
  'use-cases-never-import-fastify: apps/server/src/modules/todos/get-todos.ts',
];

/**
 * TEMPORARY: module files other than `*.repository.ts` that still hold SQL (Kysely query builders or the sql
 * template) today: four in the older modules, and the use cases of the modules built beside the move (events,
 * learning, my, ratings, governance). It only shrinks: the test fails when a file not listed holds SQL and when
 * a listed file no longer does.
 */
const TEMPORARY_SQL_OUTSIDE_REPOSITORIES: string[] = [
  'apps/server/src/modules/enterprises/excel/area-resolver.ts',
  'apps/server/src/modules/enterprises/instructor-work.ts',
  'apps/server/src/modules/events/add-participant.ts',
  'apps/server/src/modules/events/cancel-registration.ts',
  'apps/server/src/modules/events/check-in.ts',
  'apps/server/src/modules/events/create-event.ts',
  'apps/server/src/modules/events/list-events.ts',
  'apps/server/src/modules/events/register-for-event.ts',
  'apps/server/src/modules/events/save-event-summary.ts',
  'apps/server/src/modules/governance/governance-access.ts',
  'apps/server/src/modules/governance/media/create-media-account.ts',
  'apps/server/src/modules/governance/media/list-governance-owners.ts',
  'apps/server/src/modules/governance/media/update-media-account.ts',
  'apps/server/src/modules/governance/pledges/create-pledge.ts',
  'apps/server/src/modules/governance/pledges/list-pledges.ts',
  'apps/server/src/modules/governance/pledges/revise-pledge.ts',
  'apps/server/src/modules/governance/pledges/sign-pledge.ts',
  'apps/server/src/modules/governance/releases/create-hot-event.ts',
  'apps/server/src/modules/governance/releases/list-hot-events.ts',
  'apps/server/src/modules/governance/releases/list-relay-targets.ts',
  'apps/server/src/modules/governance/releases/publish-release.ts',
  'apps/server/src/modules/governance/releases/relay-access.ts',
  'apps/server/src/modules/governance/releases/release-attachments.ts',
  'apps/server/src/modules/governance/releases/report-relay.ts',
  'apps/server/src/modules/governance/rumours/answer-rumour-report.ts',
  'apps/server/src/modules/governance/rumours/create-rebuttal.ts',
  'apps/server/src/modules/governance/rumours/list-rebuttals.ts',
  'apps/server/src/modules/governance/rumours/list-rumour-reports.ts',
  'apps/server/src/modules/governance/rumours/rumour-attachments.ts',
  'apps/server/src/modules/governance/rumours/rumour-report.presenter.ts',
  'apps/server/src/modules/governance/rumours/submit-rumour-report.ts',
  'apps/server/src/modules/governance/rumours/todo-rumour-reports.ts',
  'apps/server/src/modules/ratings/list-rounds.ts',
  'apps/server/src/modules/ratings/objections.ts',
  'apps/server/src/modules/ratings/open-round.ts',
  'apps/server/src/modules/ratings/rating-attachments.ts',
  'apps/server/src/modules/ratings/rating-facts.ts',
  'apps/server/src/modules/ratings/round-steps.ts',
  'apps/server/src/modules/ratings/rubric-authority.ts',
  'apps/server/src/modules/ratings/showcases.ts',
  'apps/server/src/modules/ratings/star-map.ts',
  'apps/server/src/modules/services/service-enterprises.ts',
  'apps/server/src/modules/services/service-scope.ts',
];

async function violations(files: string[], baseDir = root): Promise<string[]> {
  const result = await cruise(files, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser answered with text');
  return [...new Set(result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from}`))].sort();
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
    .filter((file) => pattern.test(file))
    .sort();
}

describe('layering (dependency-cruiser)', () => {
  it('platform and access import no module, no Ctx, no entry, no demo; contracts import only zod and dayjs; use cases never import Fastify', async () => {
    expect(await violations(['apps/server/src', 'packages/contracts/src'])).toEqual([...KNOWN_LAYERING_VIOLATIONS].sort());
  }, 120_000);

  describe('catches a violation (fixture tree)', () => {
    let fixture: string;
    beforeAll(() => {
      fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-layering-'));
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
        fs.writeFileSync(path.join(fixture, file), text);
      };
      write('apps/server/src/modules/orgs/orgs.repository.ts', 'export const table = "org";\n');
      write('apps/server/src/context.ts', 'export type Ctx = { requestId: string };\n');
      write(
        'apps/server/src/platform/bootstrap.ts',
        'import { table } from "../modules/orgs/orgs.repository.js";\nexport const t = table;\n',
      );
      write('apps/server/src/access/access.ts', 'import type { Ctx } from "../context.js";\nexport type A = Ctx;\n');
      write(
        'apps/server/src/modules/orgs/rename-org.ts',
        'import type { FastifyRequest } from "fastify";\nexport type R = FastifyRequest;\n',
      );
      write(
        'apps/server/src/modules/orgs/orgs.routes.ts',
        'import type { FastifyInstance } from "fastify";\nexport type I = FastifyInstance;\n',
      );
      write('packages/contracts/src/orgs.ts', 'import fs from "node:fs";\nexport const x = fs.existsSync;\n');
    });
    afterAll(() => fs.rmSync(fixture, { recursive: true, force: true }));

    it('names each broken rule and the file that breaks it', async () => {
      expect(await violations(['apps', 'packages'], fixture)).toEqual([
        'access-knows-no-module: apps/server/src/access/access.ts',
        'contracts-import-only-zod-and-dayjs: packages/contracts/src/orgs.ts',
        'platform-knows-no-module: apps/server/src/platform/bootstrap.ts',
        'use-cases-never-import-fastify: apps/server/src/modules/orgs/rename-org.ts',
      ]);
    }, 60_000);
  });
});

/** Every module specifier a TypeScript (or TSX) source imports, statically or dynamically. */
export function importsOf(source: string, tsx: boolean): string[] {
  const ast = parseSync(source, { syntax: 'typescript', tsx });
  const found: string[] = [];
  for (const item of ast.body) {
    if (item.type === 'ImportDeclaration' || item.type === 'ExportAllDeclaration') found.push(item.source.value);
    if (item.type === 'ExportNamedDeclaration' && item.source) found.push(item.source.value);
  }
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

/** Where the web app reaches into the server: relative paths into apps/server, or the server's package name. */
export function serverImports(file: string, source: string): string[] {
  return importsOf(source, file.endsWith('.tsx')).filter((spec) =>
    spec.startsWith('.')
      ? path
          .relative(path.join(root, 'apps/server'), path.resolve(path.dirname(path.join(root, file)), spec))
          .split(path.sep)[0] !== '..'
      : spec === '@tongxin/server' || spec.startsWith('@tongxin/server/'),
  );
}

describe('web-imports-nothing-from-the-server', () => {
  // The cruiser's swc parser reads no TSX, so the web's imports are read with swc directly.
  it('no web file imports from apps/server', () => {
    const files = filesUnder('apps/web/src', /\.tsx?$/);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      serverImports(file, fs.readFileSync(path.join(root, file), 'utf8')).map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('catches a violation', () => {
    const page = [
      "import { buildApp } from '../../../../server/src/app.js';",
      "import type { Ctx } from '@tongxin/server/src/context.js';",
      "import { memberDetail } from '@tongxin/contracts';",
      "import { MemberCard } from '../../features/members/MemberCard';",
      "const Lazy = () => import('../../../../server/src/cli.js');",
      'export const C = <div>{String(buildApp)}</div>;',
    ].join('\n');
    expect(serverImports('apps/web/src/routes/members/page.tsx', page)).toEqual([
      '../../../../server/src/app.js',
      '@tongxin/server/src/context.js',
      '../../../../server/src/cli.js',
    ]);
  });
});

/** Top-level statements that run something when the file is imported (imports and declarations do not). */
export function importTimeEffects(source: string): string[] {
  const quiet = new Set([
    'ImportDeclaration',
    'ExportAllDeclaration',
    'ExportNamedDeclaration',
    'ExportDeclaration',
    'TsInterfaceDeclaration',
    'TsTypeAliasDeclaration',
    'FunctionDeclaration',
    'ClassDeclaration',
    'VariableDeclaration',
    'EmptyStatement',
  ]);
  // swc's spans count UTF-8 bytes from 1.
  const bytes = Buffer.from(source);
  return parseSync(source, { syntax: 'typescript' })
    .body.filter((item) => !quiet.has(item.type))
    .map(
      (item) =>
        bytes
          .subarray(item.span.start - 1, item.span.end - 1)
          .toString()
          .split('\n')[0]!,
    );
}

describe('contracts have no import-time side effects', () => {
  it('every contracts file only declares (imports, types, constants, functions)', () => {
    const files = filesUnder('packages/contracts/src', /(?<!\.test)\.ts$/);
    const effects = files.flatMap((file) =>
      importTimeEffects(fs.readFileSync(path.join(root, file), 'utf8')).map((line) => `${file}: ${line}`),
    );
    expect(effects).toEqual([]);
  });

  it('catches a violation', () => {
    const source =
      "// 时间\nimport dayjs from 'dayjs';\ndayjs.extend(utc);\nexport const a = 1;\nlet b = 2;\nb += a;\nif (a) b = 3;\n";
    expect(importTimeEffects(source)).toEqual(['dayjs.extend(utc);', 'b += a;', 'if (a) b = 3;']);
  });
});

/** SQL in a source: Kysely's query builders or the sql template/helpers. */
export function holdsSql(source: string): boolean {
  return (
    /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(/.test(source) ||
    /\bsql\s*(<[^>]*>)?\s*`/.test(source) ||
    /\bsql\.(raw|ref|lit|id|join|table|val)\s*\(/.test(source)
  );
}

describe('SQL lives only in *.repository.ts files of the modules', () => {
  it('no other module file holds SQL, apart from the temporary list', () => {
    const files = filesUnder('apps/server/src/modules', /\.ts$/).filter(
      (file) => !file.endsWith('.repository.ts') && !file.endsWith('.test.ts'),
    );
    const offenders = files.filter((file) => holdsSql(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([...TEMPORARY_SQL_OUTSIDE_REPOSITORIES].sort());
  });

  it('catches a violation', () => {
    expect(holdsSql("const rows = await ctx.db.selectFrom('member').selectAll().execute();")).toBe(true);
    expect(holdsSql("await trx\n  .updateTable('org')\n  .set({ name })")).toBe(true);
    expect(holdsSql('const n = sql<number>`count(*)`;')).toBe(true);
    expect(holdsSql("const c = sql.ref('member.org_id');")).toBe(true);
    expect(holdsSql('const rows = await findMembers(trx, orgId);')).toBe(false);
  });
});

/** The contracts' schema names that routes declare as responses (`response: { 200: memberDetail }`). */
export function responseSchemasOf(routes: string): string[] {
  const names = new Set<string>();
  for (const block of routes.matchAll(/response:\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g))
    for (const [, name] of block[1]!.matchAll(/\b\d{3}:\s*([A-Za-z_]\w*)\b(?!\s*[.(])/g)) names.add(name!);
  return [...names];
}

describe('types end to end: every response schema has its type exported from contracts', () => {
  it('each schema a route answers with has `export type X = z.infer<typeof x>` in contracts', () => {
    const contracts = filesUnder('packages/contracts/src', /(?<!\.test)\.ts$/)
      .map((file) => fs.readFileSync(path.join(root, file), 'utf8'))
      .join('\n');
    const schemas = filesUnder('apps/server/src', /\.routes\.ts$/).flatMap((file) =>
      responseSchemasOf(fs.readFileSync(path.join(root, file), 'utf8')).filter((name) =>
        new RegExp(`export const ${name}\\b`).test(contracts),
      ),
    );
    expect(schemas.length).toBeGreaterThan(40);
    const untyped = [...new Set(schemas)].filter((name) => !new RegExp(`z\\.infer<typeof ${name}>`).test(contracts));
    expect(untyped).toEqual([]);
  });

  it('finds the schemas of a route', () => {
    const route = 'schema: { response: { 200: memberDetail, 201: z.object({ id: z.string() }), 202: importJob } }';
    expect(responseSchemasOf(route)).toEqual(['memberDetail', 'importJob']);
  });
});
