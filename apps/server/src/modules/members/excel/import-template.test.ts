import { MEMBER_IMPORT_LIMITS } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_LAST_ROW, templateWorkbook } from './import-template.js';
import { columnOf, LEDGER_COLUMNS } from './ledger-columns.js';

async function validations(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('党员名册')!;
  const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
    .model;
  return { sheet, model };
}

describe('the import template', () => {
  it('dropdowns cover as many rows as one import takes', async () => {
    expect(TEMPLATE_LAST_ROW).toBeGreaterThanOrEqual(3 + MEMBER_IMPORT_LIMITS.maxRows);
    const { model } = await validations(await templateWorkbook(LEDGER_COLUMNS));
    // Column C is 性别: its first and its last covered row carry the list; the row after does not.
    expect(model.C3?.formulae).toEqual(['选项!$A$1:$A$2']);
    expect(model[`C${TEMPLATE_LAST_ROW}`]?.type).toBe('list');
    expect(model[`C${TEMPLATE_LAST_ROW + 1}`]).toBeUndefined();
  });

  it('names columns past Z as Excel does (AA, AB …)', async () => {
    const fillers = Array.from({ length: 26 }, (_, i) => ({ ...columnOf('remarks'), header: `附加${i + 1}` }));
    const { sheet, model } = await validations(await templateWorkbook([...fillers, ...LEDGER_COLUMNS]));
    // 性别 is the 29th column: AC. The title spans all 43 columns, to AQ.
    expect(sheet.getRow(2).getCell(29).value).toBe('性别');
    expect(model.AC3?.formulae).toEqual(['选项!$A$1:$A$2']);
    expect(model[`AC${TEMPLATE_LAST_ROW}`]?.type).toBe('list');
    expect(model.AD3?.formulae?.[0]).toMatch(/^选项!\$B\$1:\$B\$\d+$/);
    expect(sheet.getCell('AQ1').master.address).toBe('A1');
    expect(sheet.getCell('AR1').master.address).toBe('AR1');
  });
});
