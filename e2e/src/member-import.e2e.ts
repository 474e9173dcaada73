import { idNumberCheckChar } from '@tongxin/contracts/labels';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/app';
import { horizontalOverflow, PHONE, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';

/** Fictional, well-formed ID numbers (泸州市江阳区, 1980s birth dates) that the demo world does not hold. */
function idNumber(i: number): string {
  const first17 = `510502198${i % 10}0${1 + (i % 9)}2${i % 9}${String(700 + i * 2 + 1).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
const NAMES = ['导入测试甲', '导入测试乙', '导入测试丙', '导入测试丁', '导入测试戊', '导入测试己'];

/** The party affairs worker's own spreadsheet: a merged title row, their header names, mixed date forms. */
async function spreadsheet(broken: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['泸州云智科技有限公司党支部党员花名册']);
  ws.mergeCells(1, 1, 1, 14);
  ws.addRow([
    '序号',
    '姓名',
    '性别',
    '民族',
    '出生日期',
    '身份证号码',
    '文化程度',
    '入党日期',
    '转正日期',
    '党员状态',
    '所在党组织',
    '工作单位',
    '职务',
    '手机号码',
  ]);
  NAMES.forEach((name, i) => {
    const id = idNumber(i);
    const birth = `${id.slice(6, 10)}年${Number(id.slice(10, 12))}月${Number(id.slice(12, 14))}日`;
    const row = [
      i + 1,
      name,
      '男',
      '汉族',
      birth,
      id,
      '大学本科',
      '2012.07.01',
      new Date(Date.UTC(2013, 6, 1)),
      '正式党员',
      YUNZHI,
      '泸州云智科技有限公司',
      '工程师',
      `1380000${String(1000 + i)}`,
    ];
    if (broken && i === 1) row[6] = '大学问'; // row 4: an education that does not exist
    if (broken && i === 3) row[5] = 5.10502198309231e17; // row 6: an ID Excel has rounded
    if (broken && i === 4) row[10] = '不存在的党支部'; // row 7: an unknown org
    const added = ws.addRow(row);
    added.getCell(9).numFmt = 'yyyy-mm-dd';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function uploadFile(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
}

describe('member import: a file with errors → the report → the fixed file → confirm → the members are on the rolls', () => {
  const j = demoJourney();

  it('the secretary downloads the template from the first step', async () => {
    const { page } = j.s;
    await signIn(page, 'secretary', PASSWORD);
    await page.goto('/members/import');
    await page.getByTestId('download-template').waitFor();
    const template = await page.request.get('/api/members/import/template');
    expect(template.status()).toBe(200);
    expect(template.headers()['content-disposition']).toContain('attachment;');
    await shootBoth(page, 'member-import-template');
  });

  it('uploads a file with errors and reads a row-by-row report', async () => {
    const { page } = j.s;
    await page.getByTestId('to-upload').click();
    await uploadFile(page, '云智党员花名册.xlsx', await spreadsheet(true));
    await page.getByTestId('import-errors').waitFor();
    await expect(page.getByTestId('import-errors').textContent()).resolves.toContain('有 3 行需要修改');
    const report = page.getByTestId('import-report');
    await report.getByRole('cell', { name: '学历「大学问」无法识别', exact: false }).waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('身份证号已被 Excel 当作数字保存');
    expect(text).toContain('所在党组织「不存在的党支部」不存在或不在您的导入范围内');
    expect(text).toContain('身份证号码');
    // Nothing was written.
    const none = await page.request.get(`/api/members?q=${encodeURIComponent('导入测试')}`);
    expect((await none.json()).total).toBe(0);
    await shootBoth(page, 'member-import-report');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('uploads the fixed file, confirms, and finds the members in the ledger', async () => {
    const { page } = j.s;
    await page.getByTestId('reupload').first().click();
    await uploadFile(page, '云智党员花名册（已修改）.xlsx', await spreadsheet(false));
    await page.getByTestId('import-clean').waitFor();
    await expect(page.getByTestId('import-clean').textContent()).resolves.toContain(`${NAMES.length} 名党员`);
    await page.getByTestId('to-confirm').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-done').waitFor();
    await expect(page.getByTestId('import-done').textContent()).resolves.toContain(`已导入 ${NAMES.length} 名党员`);
    await shootBoth(page, 'member-import-done');

    const found = await (await page.request.get(`/api/members?q=${encodeURIComponent('导入测试')}`)).json();
    expect(found.total).toBe(NAMES.length);
    expect(found.items.map((m: { name: string }) => m.name).sort()).toEqual([...NAMES].sort());
    expect(
      found.items.every(
        (m: { orgName: string; idNumberMasked: string }) => m.orgName === YUNZHI && /\*{11}/.test(m.idNumberMasked),
      ),
    ).toBe(true);
    // Through the list page as a user would: the link on the done step, then a search.
    await page.getByRole('button', { name: '查看党员名册' }).click();
    await page.waitForURL(/\/members$/);
    await page.getByPlaceholder('搜索：姓名、拼音、首字母、身份证号或手机号').fill('导入测试丙');
    await page.getByText('导入测试丙').first().waitFor();
    expect(j.s.errors).toEqual([]);
  });
});
