import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerWorkbook } from './fixtures/ledger-files.js';
import { A1, A2, B1, type ImportWorld, importWorld } from './member-import.support.js';
import { memberBody, validIdNumber } from './members.support.js';
import type { Session } from './support.js';

const world = importWorld();
let t: ImportWorld['t'];
let tree: ImportWorld['tree'];
let admin: Session;
beforeAll(() => {
  ({ t, tree, admin } = world);
});
const validate: ImportWorld['validate'] = (...args) => world.validate(...args);
const memberCount = () => world.memberCount();

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
