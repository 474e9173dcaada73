import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, engine, type Session, signIn, standardTree, testApp } from './support.js';

/**
 * IN-10 (issue #14, finding 3): property-based fuzzing from the route schemas. Every route of the built app is
 * called with values shaped by its OpenAPI description (its path parameters, query parameters and body
 * properties) but filled with hostile content: control characters, bidi overrides, SQL and HTML fragments,
 * huge and negative numbers, wrong types, nesting. No answer may be a 5xx, on either engine.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let admin: Session;

const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '\u202e反转',
  '\ud800',
  "' or 1=1 --",
  '"; drop table member; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '０１２３ＡＢＣ',
  '陈',
  'zhang',
  '',
  ' ',
  'x'.repeat(5000),
  '2026-02-31',
  '9999-99-99',
  '01900000000',
  '11010519491231002X',
  '00000000-0000-0000-0000-000000000000',
];

const scalar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER, 0.5),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('id', 'name', 'q', '__x'), scalar, { maxKeys: 3 }) },
);
const asQuery = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
/** A lone surrogate cannot be percent-encoded: sent as the invalid UTF-8 bytes it would be. */
const pathPart = (v: string) => (/\p{Cs}/u.test(v) ? '%ED%A0%80' : encodeURIComponent(v));

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: string[];
  body: string[] | null;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

function operations(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const schema = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: schema ? Object.keys(schema.properties ?? {}) : null,
      });
    }
  }
  return out;
}

beforeAll(async () => {
  t = await testApp();
  const tree = await standardTree(t.deps);
  await addUser(t.deps, 'cityadmin', [{ role: 'committee_admin', orgId: tree.city }]);
  admin = await signIn(t.app, 'cityadmin');
});
afterAll(() => t.close());

describe(`IN-10: schema-shaped fuzzing of every route finds no 5xx (${engine})`, () => {
  it('each route, 6 hostile requests signed in and 2 anonymous', async () => {
    const ops = operations(t.app.swagger() as never).filter((o) => o.path !== '/api/auth/logout');
    expect(ops.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let seed = 20261204;
    for (const op of ops) {
      const samples = fc.sample(
        fc.record({
          path: fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.uuid()), { minLength: 4, maxLength: 4 }),
          query: fc.array(value, { minLength: op.query.length, maxLength: op.query.length }),
          body: fc.array(value, { minLength: op.body?.length ?? 0, maxLength: op.body?.length ?? 0 }),
          extra: fc.option(value),
        }),
        { numRuns: 8, seed: seed++ },
      );
      for (const [i, s] of samples.entries()) {
        let url = op.path;
        op.pathParams.forEach((name, k) => {
          url = url.replace(`{${name}}`, pathPart(s.path[k % s.path.length]!));
        });
        const qs = new URLSearchParams();
        op.query.forEach((name, k) => {
          qs.set(name, asQuery(s.query[k]));
        });
        const body = op.body ? Object.fromEntries(op.body.map((name, k) => [name, s.body[k]])) : undefined;
        if (body && s.extra !== null) body.extra = s.extra;
        const signedIn = i < 6;
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: qs.size ? `${url}?${qs}` : url,
          headers: signedIn ? admin.headers : {},
          ...(body && op.method !== 'GET' ? { payload: body } : {}),
        });
        if (res.statusCode >= 500) failures.push(`${op.method} ${url}?${qs} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode === 401 && signedIn) admin = await signIn(t.app, 'cityadmin');
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
