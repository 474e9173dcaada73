import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanRow, ledgerWorkbook, multipartFile } from './fixtures/ledger-files.js';
import { ACTORS, type Actor, matrixWorld, row, TARGETS } from './matrix.support.js';
import { validIdNumber } from './members.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
const names: Record<(typeof TARGETS)[number], string> = {
  city: '测试市互联网行业党委',
  districtA: '甲区互联网行业党委',
  branchA1: '甲一科技有限公司党支部',
  groupA1: '研发党小组',
  branchA2: '甲二网络有限公司党支部',
  districtB: '乙区互联网行业党委',
  branchB1: '乙一传媒有限公司党支部',
};

beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
});
afterAll(() => t.close());

/** Routes that are not about one org: who may call them at all. */
const ANYWHERE: Record<Actor, number> = {
  anonymous: 401,
  member: 403,
  enterprise: 403,
  secretary: 200,
  districtA: 200,
  districtB: 200,
  city: 200,
  sysadmin: 403,
  secadmin: 403,
  auditor: 403,
};

/**
 * Import scope, per org named in the file's 所在党组织 column, for those who may import:
 * ok = the row passes and confirm writes it (200); out = "不存在或不在您的导入范围内" (same words for both);
 * kind = an org in scope that keeps no members (a committee or a group). Confirm then answers 409.
 * Columns:        city  districtA branchA1 groupA1 branchA2 districtB branchB1
 */
const IMPORT: Partial<Record<Actor, string[]>> = {
  secretary: ['out', 'out', 'ok', 'kind', 'out', 'out', 'out'],
  districtA: ['out', 'kind', 'ok', 'kind', 'ok', 'out', 'out'],
  districtB: ['out', 'out', 'out', 'out', 'out', 'kind', 'ok'],
  city: ['kind', 'kind', 'ok', 'kind', 'ok', 'kind', 'ok'],
};

/** GET /api/members/export?orgId=…: member.export at the org (404 where the org is invisible, 403 where only visible). */
const EXPORT: Record<Actor, number[]> = {
  anonymous: row('401 401 401 401 401 401 401'),
  member: row('404 404 403 404 404 404 404'),
  enterprise: row('404 404 404 404 403 404 404'),
  secretary: row('404 404 200 200 404 404 404'),
  districtA: row('404 200 200 200 200 404 404'),
  districtB: row('404 404 404 404 404 200 200'),
  city: row('200 200 200 200 200 200 200'),
  sysadmin: row('404 404 404 404 404 404 404'),
  secadmin: row('403 403 403 403 403 403 403'),
  auditor: row('404 404 404 404 404 404 404'),
};

async function uploadAs(actor: Actor, orgName: string) {
  const file = await ledgerWorkbook([cleanRow(orgName, validIdNumber('1990-03-04'))]);
  const body = multipartFile('名册.xlsx', file);
  return t.app.inject({
    method: 'POST',
    url: '/api/members/import',
    headers: { ...(w.sessions[actor]?.headers ?? {}), ...body.headers },
    payload: body.payload,
  });
}

async function settle(actor: Actor, id: string) {
  for (;;) {
    const res = await w.call(actor, 'GET', `/api/members/import/${id}`);
    if (res.json().status !== 'validating') return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(ACTORS.map((a) => [a, ANYWHERE[a]] as const))('GET /api/members/import/template — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', '/api/members/import/template');
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe.each(ACTORS.map((a) => [a, ANYWHERE[a]] as const))(
  'GET /api/members/export (whole scope) — %s → %i',
  (actor, status) => {
    it('answers as declared', async () => {
      expect((await w.call(actor, 'GET', '/api/members/export')).statusCode).toBe(status);
    });
  },
);

describe.each(ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, EXPORT[actor][i]!] as const)))(
  'GET /api/members/export?orgId — %s on %s → %i',
  (actor, target, status) => {
    it('answers as declared', async () => {
      expect((await w.call(actor, 'GET', `/api/members/export?orgId=${w.tree[target]}`)).statusCode).toBe(status);
    });
  },
);

describe.each(ACTORS.filter((a) => !IMPORT[a]).map((a) => [a, ANYWHERE[a] === 401 ? 401 : 403] as const))(
  'POST /api/members/import — %s (no member.import anywhere) → %i',
  (actor, status) => {
    it('is refused before the file is read', async () => {
      expect((await uploadAs(actor, names.branchA1)).statusCode).toBe(status);
    });
  },
);

describe.each(
  Object.entries(IMPORT).flatMap(([actor, cells]) => TARGETS.map((target, i) => [actor as Actor, target, cells![i]!] as const)),
)('POST /api/members/import → GET /:id → POST /:id/confirm — %s naming %s → %s', (actor, target, verdict) => {
  it('validates, reports and confirms as declared', async () => {
    const up = await uploadAs(actor, names[target]);
    expect(up.statusCode).toBe(202);
    const report = (await settle(actor, up.json().id)).json();
    expect(report.status).toBe('ready');
    if (verdict === 'ok') expect(report.issues).toEqual([]);
    if (verdict === 'out') {
      expect(report.issues).toEqual([
        expect.objectContaining({
          column: '所在党组织',
          message: `所在党组织「${names[target]}」不存在或不在您的导入范围内，请填写系统中党组织的全称`,
        }),
      ]);
    }
    if (verdict === 'kind') {
      expect(report.issues).toEqual([
        expect.objectContaining({ column: '所在党组织', message: expect.stringContaining('党员应编入党支部') }),
      ]);
    }
    const confirm = await w.call(actor, 'POST', `/api/members/import/${up.json().id}/confirm`);
    expect(confirm.statusCode).toBe(verdict === 'ok' ? 200 : 409);
  });
});

describe('an import belongs to its uploader', () => {
  let importId: string;
  beforeAll(async () => {
    const up = await uploadAs('districtA', names.branchA2);
    importId = up.json().id;
    await settle('districtA', importId);
  });

  /** Someone else's import: the uploader 200, other importers 404 (no leak that it exists), the rest 403/401. */
  const OWN: Record<Actor, number> = { ...ANYWHERE, secretary: 404, districtB: 404, city: 404 };

  describe.each(ACTORS.map((a) => [a, OWN[a]] as const))('GET /api/members/import/:id — %s → %i', (actor, status) => {
    it('answers as declared', async () => {
      expect((await w.call(actor, 'GET', `/api/members/import/${importId}`)).statusCode).toBe(status);
    });
  });

  describe.each(ACTORS.filter((a) => a !== 'districtA').map((a) => [a, OWN[a]] as const))(
    'POST /api/members/import/:id/confirm by another — %s → %i',
    (actor, status) => {
      it('is refused and writes nothing', async () => {
        expect((await w.call(actor, 'POST', `/api/members/import/${importId}/confirm`)).statusCode).toBe(status);
        const row = await t.deps.db
          .selectFrom('member_import')
          .select('status')
          .where('id', '=', importId)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe('ready');
      });
    },
  );
});
