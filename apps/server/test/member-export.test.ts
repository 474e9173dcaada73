import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORTS_PER_MINUTE } from '../src/modules/members/excel/member-excel.routes.js';
import { unzipText } from './fixtures/ledger-files.js';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let districtA: Session;
let city: Session;
let secretary: Session;

let zhang: ReturnType<typeof memberBody>;

async function add(orgId: string, overrides: Parameters<typeof memberBody>[1] = {}) {
  const body = memberBody(orgId, overrides);
  const res = await t.app.inject({ method: 'POST', url: '/api/members', headers: city.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return body;
}

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'exp_city', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'exp_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'exp_sec', [{ role: 'secretary', orgId: tree.branchA1 }]);
  city = await signIn(t.app, 'exp_city');
  districtA = await signIn(t.app, 'exp_a');
  secretary = await signIn(t.app, 'exp_sec');
  zhang = await add(tree.branchA1, {
    name: '甲一张',
    remarks: '=HYPERLINK("http://evil.example","点我")',
    employerName: '+cmd公司',
  });
  await add(tree.branchA1, { name: '甲一李', position: '@SUM(A1)', status: 'probationary', fullOn: null });
  await add(tree.branchA2, { name: '甲二王', remarks: '-2+3' });
  await add(tree.branchB1, { name: '乙一赵' });
});
afterAll(() => t.close());

async function exportAs(session: Session, query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/members/export${query}`, headers: session.headers });
  return res;
}

async function rowsOf(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('党员名册')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('GET /api/members/export', () => {
  it('a district admin exports its own district only, masked, watermarked, with the ledger headers', async () => {
    const res = await exportAs(districtA);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    const stamp = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="members-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`党员名册-${stamp}.xlsx`)}`,
    );
    const rows = await rowsOf(res.rawPayload);
    expect(String(rows[0]![0])).toContain('导出人：exp_a（exp_a）');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('request_id')
      .where('type', '=', 'member.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(String(rows[0]![0])).toContain(`请求编号：${audit.request_id}`);
    expect(rows[1]).toEqual([
      '序号',
      '姓名',
      '性别',
      '民族',
      '出生日期',
      '身份证号',
      '学历',
      '入党时间',
      '转正时间',
      '党员状态',
      '所在党组织',
      '工作单位',
      '职务',
      '联系电话',
      '人员类别',
      '重点人才',
      '备注',
    ]);
    const names = rows.slice(2).map((r) => r[1]);
    expect(names.sort()).toEqual(['甲一张', '甲一李', '甲二王'].sort());
    // DP-04: nothing unmasked anywhere in the package.
    const xml = [...unzipText(res.rawPayload).values()].join('\n');
    expect(xml).not.toMatch(/\d{17}[\dXx]/);
    expect(xml).not.toMatch(/1[3-9]\d{9}/);
    const first = rows.slice(2).find((r) => r[1] === '甲一张')!;
    expect(first[5]).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(first[13]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(first[10]).toBe('甲一科技有限公司党支部');
  });

  it('DP-08: cells that would run as formulas are neutralised', async () => {
    const rows = await rowsOf((await exportAs(districtA)).rawPayload);
    const byName = new Map(rows.slice(2).map((r) => [r[1], r]));
    expect(byName.get('甲一张')![16]).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(byName.get('甲一张')![11]).toBe("'+cmd公司");
    expect(byName.get('甲一李')![12]).toBe("'@SUM(A1)");
    expect(byName.get('甲二王')![16]).toBe("'-2+3");
    for (const r of rows.slice(2)) for (const cell of r) if (typeof cell === 'string') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('DP-07: is audited with its row count, filters and the SM3 of the bytes sent', async () => {
    const res = await exportAs(city, `?orgId=${tree.districtA}&status=full`);
    expect(res.statusCode).toBe(200);
    const rows = await rowsOf(res.rawPayload);
    expect(
      rows
        .slice(2)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['甲一张', '甲二王'].sort());
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('type', '=', 'member.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('exp_city');
    expect(audit.org_id).toBe(tree.districtA);
    expect(JSON.parse(audit.detail)).toEqual({
      rows: 2,
      filters: { orgId: tree.districtA, status: 'full' },
      bytes: res.rawPayload.length,
      fileSm3: t.deps.crypto.sm3(res.rawPayload),
    });
  });

  it('DP-02: a search by ID number or mobile is audited with the number masked', async () => {
    for (const q of [zhang.idNumber, zhang.phone!]) {
      const res = await exportAs(districtA, `?q=${q}`);
      expect(res.statusCode).toBe(200);
      expect((await rowsOf(res.rawPayload)).slice(2).map((r) => r[1])).toEqual(['甲一张']);
      const audit = await t.deps.db
        .selectFrom('audit_log')
        .select('detail')
        .where('type', '=', 'member.export')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.detail).not.toContain(q);
      expect(JSON.parse(audit.detail).filters.q).toBe(`${q.slice(0, 3)}${'*'.repeat(q.length - 7)}${q.slice(-4)}`);
    }
  });

  it('DP-07: an export over the configured row cap is refused before anything is sent, naming the limit', async () => {
    const saved = t.deps.config.memberExportMaxRows;
    t.deps.config.memberExportMaxRows = 2;
    try {
      const refused = await exportAs(districtA);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/json');
      expect(refused.json().error.message).toContain('一次最多导出 2 名党员');
      // Exactly at the cap is allowed.
      const two = await exportAs(secretary);
      expect(two.statusCode).toBe(200);
      expect((await rowsOf(two.rawPayload)).slice(2)).toHaveLength(2);
    } finally {
      t.deps.config.memberExportMaxRows = saved;
    }
  });

  it('DP-07: an export that cannot be audited never completes (its last bytes are held back for the audit row)', async () => {
    const record = t.deps.audit.record;
    t.deps.audit.record = async () => {
      throw new Error('audit store unavailable');
    };
    try {
      // The response is cut off before its end: the client never holds a complete file.
      await expect(exportAs(districtA)).rejects.toThrow('response destroyed before completion');
    } finally {
      t.deps.audit.record = record;
    }
    const whole = await exportAs(districtA);
    expect((await rowsOf(whole.rawPayload)).slice(2)).toHaveLength(3);
  });

  it('filters by org; a secretary exports only its branch; an org outside the scope answers 404', async () => {
    const sec = await rowsOf((await exportAs(secretary)).rawPayload);
    expect(
      sec
        .slice(2)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['甲一张', '甲一李'].sort());
    expect((await exportAs(secretary, `?orgId=${tree.branchA2}`)).statusCode).toBe(404);
    expect((await exportAs(districtA, `?orgId=${tree.branchB1}`)).statusCode).toBe(404);
    const whole = await rowsOf((await exportAs(city)).rawPayload);
    expect(whole).toHaveLength(2 + 4);
  });

  it('walks past one batch in keyset pages without losing or repeating a row', async () => {
    const values = Array.from({ length: 2_150 }, (_, i) => ({ i }));
    const now = new Date().toISOString();
    for (let start = 0; start < values.length; start += 200) {
      await t.deps.db
        .insertInto('member')
        .values(
          values.slice(start, start + 200).map(({ i }) => ({
            id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
            org_id: tree.branchB1,
            name: `批量${i}`,
            // Many equal pinyin keys: the id breaks the ties across page boundaries.
            name_pinyin: `piliang${Math.floor(i / 700)}`,
            name_initials: 'pl',
            status: 'full' as const,
            joined_on: '2010-01-01',
            created_at: now,
            archived_at: null,
          })),
        )
        .execute();
    }
    const rows = await rowsOf((await exportAs(city, `?orgId=${tree.branchB1}`)).rawPayload);
    const names = rows.slice(2).map((r) => r[1] as string);
    expect(names).toHaveLength(2_151);
    expect(new Set(names).size).toBe(2_151);
    expect(rows.slice(2).map((r) => r[0])).toEqual(Array.from({ length: 2_151 }, (_, i) => i + 1));
  });

  it(`IN-08: more than ${EXPORTS_PER_MINUTE} exports a minute by one user → 429`, async () => {
    await addUser(t.deps, 'exp_busy', [{ role: 'secretary', orgId: tree.branchA2 }]);
    const busy = await signIn(t.app, 'exp_busy');
    for (let i = 0; i < EXPORTS_PER_MINUTE; i++) expect((await exportAs(busy)).statusCode).toBe(200);
    const refused = await exportAs(busy);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    // Another user is not held back by it.
    expect((await exportAs(secretary)).statusCode).toBe(200);
  });
});
