import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TEMPLATE_LAST_ROW } from '../src/modules/members/excel/import-template.js';
import { cleanRow, LEDGER_HEADERS, ledgerWorkbook, unzipText, zipOf } from './fixtures/ledger-files.js';
import { A1, type ImportWorld, importWorld } from './member-import.support.js';
import { validIdNumber } from './members.support.js';
import { engine, type Session } from './support.js';

const require = createRequire(import.meta.url);

const world = importWorld();
let t: ImportWorld['t'];
let admin: Session;
beforeAll(() => {
  ({ t, admin } = world);
});
const validate: ImportWorld['validate'] = (...args) => world.validate(...args);

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
      expect(xml).toMatch(new RegExp(`<dataValidation [^>]*sqref="${col}3:${col}${TEMPLATE_LAST_ROW}"`));
    // The template as downloaded has no member rows; filled in, it imports.
    const empty = await validate(res.rawPayload);
    expect(empty.status).toBe('failed');
    expect(empty.message).toContain('没有党员数据行');
    const id = validIdNumber('1987-07-07', 'female');
    const values = cleanRow(A1, id, { 姓名: '模板填写' });
    const header = sheet.getRow(2).values as string[];
    sheet.getRow(4).values = header.map((h) => (values as Record<string, unknown>)[h] ?? null) as ExcelJS.CellValue[];
    // exceljs reads the dropdown ranges back one cell at a time (100,000 rows × 5 columns) and would write
    // them out so; the importer never reads them, so they are dropped before the filled file is saved.
    (sheet as unknown as { dataValidations: { model: object } }).dataValidations.model = {};
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
