import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseWorld, validCreditCode } from './enterprises.support.js';
import { multipartFile } from './fixtures/ledger-files.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof enterpriseWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await enterpriseWorld(t);
});
afterAll(() => t.close());

const HEADERS = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '所属区县',
  '所属园区',
  '从业人数',
  '成立日期',
  '有无固定经营场所',
  '经营状态',
  '覆盖党组织',
];

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业名录');
  sheet.addRow(['互联网企业名录']);
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function validate(file: Buffer, who: 'districtA' | 'city' = 'districtA') {
  const body = multipartFile('企业名录.xlsx', file);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/enterprises/import',
    headers: { ...w.sessions[who].headers, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  for (let i = 0; i < 400; i++) {
    const s = await w.call(who, 'GET', `/api/enterprises/import/${id}`);
    if (s.json().status !== 'validating') return { id, status: s.json() };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('validation did not finish');
}

const count = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('enterprise')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('enterprise Excel import', () => {
  it('reports every bad row by row and column, and imports nothing', async () => {
    const good = validCreditCode();
    const file = await workbook([
      ['示例', '泸州某某网络科技有限公司', '91510500MA62A1B2CT', '甲区互联网行业党委', null, 35, null, '有', '在营', null],
      [1, '甲区导入一号科技有限公司', good, '甲区互联网行业党委', null, 30, '2019-05-01', '有', '在营', null],
      [2, '甲区导入二号科技有限公司', '91510500MA62A1B2C3', '甲区互联网行业党委', null, 12, null, '有', '在营', null],
      [3, '甲区导入三号科技有限公司', good.toLowerCase(), '甲区互联网行业党委', null, 12, null, '有', '在营', null],
      [4, '乙区越界科技有限公司', validCreditCode(), '乙区互联网行业党委', null, 12, null, '有', '在营', null],
      [5, '甲区导入五号科技有限公司', validCreditCode(), '甲区互联网行业党委', null, '十二', null, '大概', '营业中', null],
    ]);
    const before = await count();
    const { id, status } = await validate(file);
    expect(status.status).toBe('ready');
    expect(status.rowCount).toBe(5);
    expect(status.errorRows).toBe(4);
    const by = (row: number) => status.issues.filter((i: { row: number }) => i.row === row);
    // Title row 1, header row 2, the example row 3 (skipped): the data starts on row 4.
    expect(by(4)).toEqual([]);
    expect(by(5)[0]).toMatchObject({ column: '统一社会信用代码' });
    expect(by(5)[0].message).toContain('校验位');
    expect(by(6)[0].message).toContain('第 4 行重复');
    expect(by(7)[0]).toMatchObject({ column: '所属区县' });
    expect(by(7)[0].message).toContain('不在您的管理范围内');
    expect(
      by(8)
        .map((i: { column: string }) => i.column)
        .sort(),
    ).toEqual(['从业人数', '有无固定经营场所', '经营状态']);
    const confirm = await w.call('districtA', 'POST', `/api/enterprises/import/${id}/confirm`);
    expect(confirm.statusCode).toBe(409);
    expect(await count()).toBe(before);
  });

  it('imports a clean file all at once, with park, covering org and coverage kind, audited once', async () => {
    const codes = [validCreditCode(), validCreditCode()];
    const file = await workbook([
      [
        1,
        '园区导入甲科技有限公司',
        codes[0]!,
        '甲区互联网行业党委',
        '甲区软件园党委',
        40,
        '2020.3',
        '有',
        '在营',
        '甲区软件园联合党支部',
      ],
      [2, '园区导入乙科技有限公司', codes[1]!, '甲区互联网行业党委', null, 8, null, '无', '停业', '甲一科技有限公司党支部'],
    ]);
    const { id, status } = await validate(file);
    expect(status).toMatchObject({ status: 'ready', rowCount: 2, errorRows: 0 });
    // Someone else cannot see or confirm it.
    expect((await w.call('city', 'POST', `/api/enterprises/import/${id}/confirm`)).statusCode).toBe(404);
    const confirm = await w.call('districtA', 'POST', `/api/enterprises/import/${id}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ imported: 2 });
    expect((await w.call('districtA', 'POST', `/api/enterprises/import/${id}/confirm`)).statusCode).toBe(409);
    const list = (await w.call('districtA', 'GET', `/api/enterprises?q=${encodeURIComponent('园区导入')}`)).json();
    const byName = Object.fromEntries(list.items.map((i: { name: string }) => [i.name, i]));
    expect(byName.园区导入甲科技有限公司).toMatchObject({ parkName: '甲区软件园党委', coverageKind: 'joint', inScope: true });
    expect(byName.园区导入乙科技有限公司).toMatchObject({
      coverageKind: 'own',
      operatingStatus: 'suspended',
      hasFixedPremises: false,
    });
    const audits = await t.deps.db.selectFrom('audit_log').select('detail').where('type', '=', 'enterprise.import').execute();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ rows: 2 });
    // The member ledger's import routes do not see an enterprise import.
    expect((await w.call('districtA', 'GET', `/api/members/import/${id}`)).statusCode).toBe(404);
  });

  it('refuses a file without the header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['名称', '备注']);
    const { status } = await validate(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(status.status).toBe('failed');
    expect(status.message).toContain('没有找到表头行');
  });

  it('gives the template only to those who manage enterprises', async () => {
    const res = await w.call('districtA', 'GET', '/api/enterprises/import/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = wb.getWorksheet('企业名录')!.getRow(2).values as string[];
    expect(header).toContain('统一社会信用代码');
    expect(header).toContain('所属园区');
    expect((await w.call('secretary', 'GET', '/api/enterprises/import/template')).statusCode).toBe(403);
  });

  it('exports what the user sees, neutralised, and audits the export', async () => {
    await w.create({
      name: '=HYPERLINK("x")导出测试有限公司',
      creditCode: validCreditCode(),
      areaOrgId: w.orgs.districtA,
      hasFixedPremises: true,
      operatingStatus: 'operating',
      employeeCount: 12,
    });
    const res = await w.call('secretary', 'GET', '/api/enterprises/export');
    expect(res.statusCode).toBe(200);
    const resA = await w.call('districtA', 'GET', '/api/enterprises/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(resA.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('企业名录')!;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) names.push(String(row.getCell(2).value));
    });
    expect(names).toContain(`'=HYPERLINK("x")导出测试有限公司`);
    const visible = (await w.call('districtA', 'GET', '/api/enterprises?pageSize=100')).json().total;
    expect(names).toHaveLength(visible);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('type', '=', 'enterprise.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ rows: visible });
    expect((await w.call('contact', 'GET', '/api/enterprises/export')).statusCode).toBe(403);
  });
});
