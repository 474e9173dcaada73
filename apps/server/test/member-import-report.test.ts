import { maskIdNumber, maskPhone } from '@tongxin/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanRow, ledgerWorkbook } from './fixtures/ledger-files.js';
import { A1, type ImportWorld, importWorld } from './member-import.support.js';
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

const storedIssues = async (id: string) =>
  (await t.deps.db.selectFrom('member_import').select('issues').where('id', '=', id).executeTakeFirstOrThrow()).issues;

describe('the report quotes no personal data (DP-02)', () => {
  it('columns shifted so that ID numbers and mobiles land in 姓名, 职务 and the quoted columns: all masked', async () => {
    const inName = validIdNumber('1986-06-06');
    const inEthnicity = validIdNumber('1987-07-07', 'female');
    const inGender = '13912345678';
    const inPosition = '13712345678';
    const inOrg = '139 8765 4321';
    const file = await ledgerWorkbook([
      cleanRow(A1, validIdNumber('1990-03-03'), { 姓名: inName, 性别: inGender, 民族: inEthnicity, 职务: inPosition }),
      cleanRow(A1, validIdNumber('1991-04-04'), { 姓名: '李四', 所在党组织: inOrg, 入党时间: '5101041990' }),
    ]);
    const report = await validate(file);
    expect(report.status).toBe('ready');
    expect(report.errorRows).toBe(2);
    const messages = report.issues.map((i: { column: string; message: string }) => [i.column, i.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ['性别', `性别「${maskPhone(inGender)}」应为「男」或「女」`],
        ['民族', expect.stringContaining(`民族「${maskIdNumber(inEthnicity)}」不是56个民族的名称`)],
        ['所在党组织', expect.stringContaining('所在党组织「139****4321」不存在')],
        ['入党时间', expect.stringContaining('入党时间「51******90」不是有效日期')],
      ]),
    );
    expect(report.issues[0].name).toBe(maskIdNumber(inName));
    const status = await t.app.inject({ method: 'GET', url: `/api/members/import/${report.id}`, headers: admin.headers });
    const stored = await storedIssues(report.id);
    for (const text of [status.body, stored]) {
      for (const secret of [inName, inEthnicity, inGender, inPosition, inOrg, '5101041990']) expect(text).not.toContain(secret);
      // Ids and times are not personal data, and a random id may hold seven digits in a row.
      const withoutIds = text
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')
        .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '');
      expect(withoutIds).not.toMatch(/\d{7,}/);
    }
  });
});

describe('one duplicate message for the form and the import', () => {
  it('an ID number on the rolls is reported by the import exactly as POST /api/members refuses it', async () => {
    const body = memberBody(tree.branchA1, { name: '孔先到', birthDate: '1982-02-02' });
    const created = await t.app.inject({ method: 'POST', url: '/api/members', headers: admin.headers, payload: body });
    expect(created.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/members', headers: admin.headers, payload: body });
    expect(again.statusCode).toBe(409);
    const formMessage = again.json().error.message as string;
    expect(formMessage).toContain('孔先到');

    const report = await validate(await ledgerWorkbook([cleanRow(A1, body.idNumber, { 姓名: '孔后来' })]));
    expect(report.issues).toEqual([{ row: 2, column: '身份证号', message: formMessage, name: '孔后来' }]);
  });
});
