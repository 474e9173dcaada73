import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  cleanRow,
  declaredBomb,
  LEDGER_HEADERS,
  ledgerWorkbook,
  settled,
  unzipText,
  upload,
  zipBomb,
  zipOf,
} from './fixtures/ledger-files.js';
import { memberBody, validIdNumber } from './members.support.js';
import { addUser, engine, type Session, signIn, standardTree, testApp } from './support.js';

const require = createRequire(import.meta.url);
let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let admin: Session;
let other: Session;
const A1 = '甲一科技有限公司党支部';
const A2 = '甲二网络有限公司党支部';
const B1 = '乙一传媒有限公司党支部';

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'imp_admin', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'imp_other', [{ role: 'committee_admin', orgId: tree.districtA }]);
  admin = await signIn(t.app, 'imp_admin');
  other = await signIn(t.app, 'imp_other');
});
afterAll(() => t.close());

const memberCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('member')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Uploads and waits for the validation; returns the final status body. */
async function validate(file: Buffer, name = '党员名册.xlsx', session = admin) {
  const res = await upload(t.app, session.headers, name, file);
  expect(res.statusCode, res.body).toBe(202);
  return settled(t.app, session.headers, res.json().id);
}

describe('a messy real-world spreadsheet', () => {
  it('gives a precise row-by-row report and writes nothing', async () => {
    const existing = memberBody(tree.branchA1, { name: '赵六', birthDate: '1985-03-02' });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/members', headers: admin.headers, payload: existing })).statusCode,
    ).toBe(201);
    const before = await memberCount();

    const idA = validIdNumber('1990-01-02', 'male');
    const idB = validIdNumber('1992-11-30', 'female');
    const idC = validIdNumber('1988-08-08', 'male');
    const fullWidth = idA.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const headers = [
      '序号',
      '姓名',
      '性别',
      '民族',
      '出生日期',
      '公民身份号码',
      '文化程度',
      '入党日期',
      '转正日期',
      '党员状态',
      '所在党组织',
      '工作单位',
      '职务',
      '手机号码',
      '人员类别',
      '重点人才',
      '备注',
    ];
    const row = (cells: Record<string, ExcelJS.CellValue>) => cells;
    const file = await ledgerWorkbook(
      [
        // Row 4: Excel date cells, a full-width ID with spaces, a spaced name and phone, 汉 without 族.
        row({
          序号: 1,
          姓名: ' 王 五 ',
          性别: '男',
          民族: '汉',
          出生日期: new Date(Date.UTC(1990, 0, 2)),
          公民身份号码: ` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)} `,
          文化程度: '本科',
          入党日期: new Date(Date.UTC(2015, 5, 30)),
          转正日期: new Date(Date.UTC(2016, 6, 1)),
          所在党组织: ` ${A1} `,
          手机号码: '139 1234 5678',
          重点人才: '创业者、行业领军人才',
        }),
        // Row 5: text dates in Chinese forms, a month-only date, status left blank (derived), gender from the ID.
        row({
          序号: 2,
          姓名: '钱七',
          民族: '回族',
          出生日期: '1992年11月30日',
          公民身份号码: idB.toLowerCase(),
          文化程度: '硕士研究生',
          入党日期: '2014.07',
          转正日期: '2015/7/1',
          所在党组织: A2,
          人员类别: '流动党员',
        }),
        // Row 6: empty (skipped).
        row({}),
        // Row 7: an ID Excel has already rounded (stored as a number).
        row({
          序号: 3,
          姓名: '孙八',
          性别: '男',
          民族: '汉族',
          出生日期: '1990-10-11',
          公民身份号码: 5.10104199010111e17,
          文化程度: '大专',
          入党日期: 20150630,
          所在党组织: A1,
        }),
        // Row 8: an org nobody has; row 9: an org outside the user's scope — the same message.
        row({
          序号: 4,
          姓名: '周九',
          性别: '男',
          民族: '汉族',
          出生日期: '1988-08-08',
          公民身份号码: idC,
          文化程度: '大学本科',
          入党日期: '2010-01-01',
          转正日期: '2011-01-01',
          所在党组织: '不存在的党支部',
        }),
        row({
          序号: 5,
          姓名: '吴十',
          性别: '男',
          民族: '汉族',
          出生日期: '1988-08-08',
          公民身份号码: validIdNumber('1988-08-08'),
          文化程度: '大学本科',
          入党日期: '2010-01-01',
          转正日期: '2011-01-01',
          所在党组织: B1,
        }),
        // Row 10: the same person as row 4; row 11: a member already on the rolls.
        row({
          序号: 6,
          姓名: '王五',
          性别: '男',
          民族: '汉族',
          出生日期: '1990-01-02',
          公民身份号码: idA,
          文化程度: '大学本科',
          入党日期: '2015-06-30',
          转正日期: '2016-07-01',
          所在党组织: A1,
        }),
        row({
          序号: 7,
          姓名: '赵六',
          性别: '男',
          民族: '汉族',
          出生日期: '1985-03-02',
          公民身份号码: existing.idNumber,
          文化程度: '大学本科',
          入党日期: '2015-06-30',
          转正日期: '2016-07-01',
          所在党组织: A1,
        }),
        // Row 12: an impossible date and a gender that contradicts the ID; row 13: joined before 18.
        row({
          序号: 8,
          姓名: '郑十一',
          性别: '女',
          民族: '汉族',
          出生日期: '1991-04-05',
          公民身份号码: validIdNumber('1991-04-05', 'male'),
          文化程度: '大学本科',
          入党日期: '2020-13-01',
          所在党组织: A1,
        }),
        row({
          序号: 9,
          姓名: '冯十二',
          性别: '男',
          民族: '汉族',
          出生日期: '2000-02-02',
          公民身份号码: validIdNumber('2000-02-02'),
          文化程度: '高中',
          入党日期: '2017-01-01',
          转正日期: '2018-01-01',
          所在党组织: A1,
        }),
      ],
      { headers, titles: ['甲区互联网行业党员花名册', '填报单位：甲区互联网行业党委　　填报日期：2026年3月'] },
    );
    const report = await validate(file);
    expect(report.status).toBe('ready');
    expect(report.rowCount).toBe(9);
    expect(report.errorRows).toBe(7);
    expect(report.issues.map((i: { row: number; column: string; message: string }) => [i.row, i.column, i.message])).toEqual([
      [7, '公民身份号码', expect.stringContaining('身份证号已被 Excel 当作数字保存')],
      [8, '所在党组织', '所在党组织「不存在的党支部」不存在或不在您的导入范围内，请填写系统中党组织的全称'],
      [9, '所在党组织', `所在党组织「${B1}」不存在或不在您的导入范围内，请填写系统中党组织的全称`],
      [10, '公民身份号码', '身份证号与第 4 行重复'],
      [11, '公民身份号码', `身份证号与「${A1}」的在册党员「赵六」重复，请勿重复建档`],
      [12, '入党日期', expect.stringContaining('入党日期「2020-13-01」不是有效日期')],
      [12, '性别', '性别与身份证号不一致（身份证号中为男）'],
      [13, '入党日期', '入党时未满18周岁（出生日期 2000-02-02）'],
    ]);
    expect(report.issues[0].name).toBe('孙八');
    // Nothing of the file is on the rolls, and a file with errors cannot be confirmed.
    expect(await memberCount()).toBe(before);
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/members/import/${report.id}/confirm`,
      headers: admin.headers,
    });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.message).toContain('7 行错误');
    expect(await memberCount()).toBe(before);
    const staged = await t.deps.db.selectFrom('member_import_row').selectAll().where('import_id', '=', report.id).execute();
    expect(staged).toEqual([]);
  });

  it('reads the messy rows it accepts into exactly the right records', async () => {
    const idA = validIdNumber('1990-01-02', 'male');
    const idB = validIdNumber('1992-11-30', 'female');
    const fullWidth = idA.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const file = await ledgerWorkbook(
      [
        {
          姓名: ' 王 五 ',
          性别: '男',
          民族: '汉',
          出生日期: new Date(Date.UTC(1990, 0, 2)),
          身份证号: ` ${fullWidth} `,
          学历: '本科',
          入党时间: new Date(Date.UTC(2015, 5, 30)),
          转正时间: 42552,
          所在党组织: `${A1}　`,
          联系电话: '139 1234 5678',
          重点人才: '创业者、行业领军人才',
        },
        {
          姓名: '钱七',
          民族: '回族',
          出生日期: '1992年11月30日',
          身份证号: idB.toLowerCase(),
          学历: '硕士研究生',
          入党时间: '2014.07',
          转正时间: '2015/7/1',
          所在党组织: A2,
          人员类别: '流动党员',
          备注: '=1+1',
        },
      ],
      { titles: ['党员名册'], dateColumns: ['转正时间'] },
    );
    const report = await validate(file, '混合格式.xlsx');
    expect(report.issues).toEqual([]);
    expect(report.status).toBe('ready');
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/members/import/${report.id}/confirm`,
      headers: admin.headers,
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ imported: 2 });
    const wang = await t.deps.db
      .selectFrom('member')
      .selectAll()
      .where('name', '=', '王五')
      .where('org_id', '=', tree.branchA1)
      .executeTakeFirstOrThrow();
    expect(wang).toMatchObject({
      gender: 'male',
      ethnicity: '汉族',
      birth_date: '1990-01-02',
      education: 'bachelor',
      joined_on: '2015-06-30',
      full_on: '2016-07-01',
      status: 'full',
      mobility: 'regular',
      talent_founder: 1,
      talent_industry_leader: 1,
      talent_key_dept_head: 0,
    });
    expect(t.deps.crypto.decrypt(wang.id_number_enc!)).toBe(idA);
    expect(t.deps.crypto.decrypt(wang.phone_enc!)).toBe('13912345678');
    const qian = await t.deps.db.selectFrom('member').selectAll().where('name', '=', '钱七').executeTakeFirstOrThrow();
    expect(qian).toMatchObject({
      gender: 'female',
      ethnicity: '回族',
      birth_date: '1992-11-30',
      education: 'master',
      joined_on: '2014-07-01',
      full_on: '2015-07-01',
      status: 'full',
      mobility: 'flowing',
      org_id: tree.branchA2,
      remarks: '=1+1',
      phone_enc: null,
    });
    expect(t.deps.crypto.decrypt(qian.id_number_enc!)).toBe(idB.toUpperCase());
  });
});

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

describe('IN-06: what the upload refuses', () => {
  const refused = async (name: string, content: Buffer, status = 400) => {
    const res = await upload(t.app, admin.headers, name, content);
    expect(res.statusCode, res.body).toBe(status);
    return res.json().error.message as string;
  };

  it('a renamed .exe, an .exe, an old .xls, a zip that is no workbook, an empty file', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2000, 1)]);
    expect(await refused('名册.xlsx', exe)).toContain('不是有效的 Excel 工作簿');
    expect(await refused('setup.exe', exe)).toContain('只接受 Excel 工作簿（.xlsx）');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await refused('旧名册.xlsx', ole)).toContain('.xls');
    const docx = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect(await refused('文档.xlsx', docx)).toContain('不是有效的 Excel 工作簿');
    expect(await refused('空.xlsx', Buffer.alloc(0))).toContain('空的');
  });

  it('path-like names are refused, not cut down', async () => {
    const file = await ledgerWorkbook([cleanRow(A1, validIdNumber('1990-06-06'))]);
    for (const name of ['../../etc/passwd.xlsx', '..\\..\\名册.xlsx', '/tmp/名册.xlsx', '名册\u0000.xlsx']) {
      expect(await refused(name, file)).toContain('文件名不合法');
    }
  });

  it('a zip bomb is refused before it is parsed', async () => {
    // Declares 1 KB, inflates to 50 MB: caught while counting, without keeping the output.
    expect(await refused('炸弹.xlsx', zipBomb(50 * 1024 * 1024))).toContain('解压后过大');
    // Declares 10 GB worth of entries in its central directory: refused from the directory alone.
    expect(await refused('大炸弹.xlsx', declaredBomb())).toContain('解压后过大');
  });

  it('a file over 20 MB and a body that is not multipart', async () => {
    expect(await refused('大.xlsx', Buffer.alloc(21 * 1024 * 1024, 0x50), 413)).toContain('20 MB');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members/import',
      headers: admin.headers,
      payload: { file: 'x' },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('file shapes', () => {
  it('no header row, or a header without the needed columns, fails with a message', async () => {
    const noHeader = await validate(await ledgerWorkbook([{ 姓名: '张三' }], { headers: ['甲', '乙', '丙'] }));
    expect(noHeader.status).toBe('failed');
    expect(noHeader.message).toContain('没有找到表头行');
    const partial = await validate(await ledgerWorkbook([{ 姓名: '张三' }], { headers: ['姓名', '身份证号', '性别'] }));
    expect(partial.status).toBe('failed');
    expect(partial.message).toBe('表头缺少 「所在党组织」、「民族」、「学历」、「入党时间」 列，请对照模板补上这些列后重新上传');
  });

  it('the template: headers, frozen header, dropdowns, text columns, an example row the importer skips', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/members/import/template', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="member-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('党员名册导入模板.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('党员名册')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([...LEDGER_HEADERS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getRow(3).getCell(1).value).toBe('示例');
    expect(sheet.getColumn(6).numFmt).toBe('@');
    expect(sheet.getColumn(14).numFmt).toBe('@');
    const xml = unzipText(res.rawPayload).get('xl/worksheets/sheet1.xml')!;
    for (const col of ['C', 'D', 'G', 'J', 'O'])
      expect(xml).toMatch(new RegExp(`<dataValidation [^>]*sqref="${col}3:${col}5000"`));
    // The template as downloaded has no member rows; filled in, it imports.
    const empty = await validate(res.rawPayload);
    expect(empty.status).toBe('failed');
    expect(empty.message).toContain('没有党员数据行');
    const id = validIdNumber('1987-07-07', 'female');
    const values = cleanRow(A1, id, { 姓名: '模板填写' });
    const header = sheet.getRow(2).values as string[];
    sheet.getRow(4).values = header.map((h) => (values as Record<string, unknown>)[h] ?? null) as ExcelJS.CellValue[];
    const filled = await validate(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(filled.issues).toEqual([]);
    expect(filled.rowCount).toBe(1);
  });

  it('a workbook laid out as Excel writes it (worksheets before shared strings) is read without a temporary file', async () => {
    const tmp = createRequire(require.resolve('exceljs'))('tmp') as { file: (...args: unknown[]) => void };
    const spy = vi.spyOn(tmp, 'file');
    const parts = unzipText(await ledgerWorkbook([cleanRow(A1, validIdNumber('1981-01-01'), { 姓名: '顺序测试' })]));
    const names = [...parts.keys()];
    const order = [
      ...names.filter((n) => n.startsWith('xl/worksheets/')),
      ...names.filter((n) => !n.startsWith('xl/worksheets/')),
    ];
    const reordered = zipOf(order.map((name) => ({ name, data: Buffer.from(parts.get(name)!, 'utf8') })));
    const report = await validate(reordered);
    expect(report.issues).toEqual([]);
    expect(report.rowCount).toBe(1);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it.runIf(engine === 'sqlite')('no plaintext ID number or phone in the database file while an import is staged', async () => {
    const id = validIdNumber('1979-09-19');
    const report = await validate(await ledgerWorkbook([cleanRow(A1, id, { 联系电话: '13611112222' })]));
    expect(report.errorRows).toBe(0);
    t.deps.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const raw = fs.readFileSync(path.join(t.dir, 'tongxin.db')).toString('latin1');
    expect(raw).not.toContain(id);
    expect(raw).not.toContain('13611112222');
  });
});
