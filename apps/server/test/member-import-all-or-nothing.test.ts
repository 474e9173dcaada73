import { beforeAll, describe, expect, it } from 'vitest';
import { cleanRow, ledgerWorkbook } from './fixtures/ledger-files.js';
import { A1, A2, type ImportWorld, importWorld } from './member-import.support.js';
import { memberBody, validIdNumber } from './members.support.js';
import type { Session } from './support.js';

const world = importWorld();
let t: ImportWorld['t'];
let tree: ImportWorld['tree'];
let admin: Session;
let other: Session;
beforeAll(() => {
  ({ t, tree, admin, other } = world);
});
const validate: ImportWorld['validate'] = (...args) => world.validate(...args);
const memberCount = () => world.memberCount();

describe('IN-07: all or nothing', () => {
  it('one bad row among 1,000: nothing is committed and the report names that row', async () => {
    const before = await memberCount();
    const rows = Array.from({ length: 1000 }, (_, i) =>
      cleanRow(i % 2 ? A1 : A2, validIdNumber(`19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 9}`), {
        姓名: `批量${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(i / 10) % 12]}`,
        序号: i + 1,
      }),
    );
    rows[637] = { ...rows[637], 学历: '大学问' };
    const report = await validate(await ledgerWorkbook(rows));
    expect(report.status).toBe('ready');
    expect(report.rowCount).toBe(1000);
    expect(report.errorRows).toBe(1);
    expect(report.issues).toEqual([
      { row: 639, column: '学历', message: expect.stringContaining('学历「大学问」无法识别'), name: rows[637]!.姓名 },
    ]);
    expect(report.processed).toBe(report.total);
    expect(report.total).toBe(1001);
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/members/import/${report.id}/confirm`,
      headers: admin.headers,
    });
    expect(confirm.statusCode).toBe(409);
    expect(await memberCount()).toBe(before);

    // Fixed, the same file goes in whole: 1,000 members, each with its history entry, and one audit event.
    rows[637] = { ...rows[637], 学历: '大学本科' };
    const file = await ledgerWorkbook(rows);
    const clean = await validate(file, '千人名册.xlsx');
    expect(clean.errorRows).toBe(0);
    const staged = await t.deps.db.selectFrom('member_import_row').select('payload').where('import_id', '=', clean.id).execute();
    // Two batches of 500 rows, each one sealed payload.
    expect(staged).toHaveLength(2);
    expect(staged.map((s) => s.payload).join('')).not.toMatch(/\d{17}[\dX]/);
    const ok = await t.app.inject({ method: 'POST', url: `/api/members/import/${clean.id}/confirm`, headers: admin.headers });
    expect(ok.json()).toEqual({ imported: 1000 });
    expect(await memberCount()).toBe(before + 1000);
    const history = await t.deps.db
      .selectFrom('member_history')
      .select(['reason', 'action'])
      .where('reason', '=', '批量导入：千人名册.xlsx')
      .execute();
    expect(history).toHaveLength(1000);
    expect(history.every((h) => h.action === 'create')).toBe(true);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('type', '=', 'member.import')
      .where('object_id', '=', clean.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      rows: 1000,
      orgs: 2,
      fileName: '千人名册.xlsx',
      fileSm3: t.deps.crypto.sm3(file),
    });
    expect(
      await t.deps.db.selectFrom('member_import_row').select('row_number').where('import_id', '=', clean.id).execute(),
    ).toEqual([]);

    // Confirmed once only; another user never sees the import.
    const again = await t.app.inject({ method: 'POST', url: `/api/members/import/${clean.id}/confirm`, headers: admin.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已经导入');
    const theirs = await t.app.inject({ method: 'POST', url: `/api/members/import/${clean.id}/confirm`, headers: other.headers });
    expect(theirs.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/members/import/${clean.id}`, headers: other.headers })).statusCode,
    ).toBe(404);
    // Re-uploading the same file now finds every row on the rolls.
    const dup = await validate(file);
    expect(dup.errorRows).toBe(1000);
    expect(dup.issueCount).toBe(1000);
  });

  it('a duplicate that appears between validation and confirm rolls the whole import back', async () => {
    const id = validIdNumber('1993-03-03');
    const report = await validate(
      await ledgerWorkbook([cleanRow(A1, validIdNumber('1994-04-04')), cleanRow(A1, id, { 姓名: '陈后来' })]),
    );
    expect(report.errorRows).toBe(0);
    const body = memberBody(tree.branchA2, { name: '陈先到', birthDate: '1993-03-03', idNumber: id });
    expect((await t.app.inject({ method: 'POST', url: '/api/members', headers: admin.headers, payload: body })).statusCode).toBe(
      201,
    );
    const before = await memberCount();
    const res = await t.app.inject({ method: 'POST', url: `/api/members/import/${report.id}/confirm`, headers: admin.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(`第 3 行：身份证号与「${A2}」的在册党员「陈先到」重复，请勿重复建档。请重新上传文件`);
    expect(await memberCount()).toBe(before);
  });
});
