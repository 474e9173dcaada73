import { creditCodeCheckChar } from '@tongxin/contracts/labels';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOrg, settled, signIn, signOut } from './support/app';
import { horizontalOverflow, openSession, PHONE, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const NEW_NAME = '泸州酒城云链网络科技有限公司';
// A fictional, well-formed code: 91 (company), 江阳区 (510502), MA + seven characters, the computed check.
const FIRST17 = '91510502MA6ABC123';
const CODE = FIRST17 + creditCodeCheckChar(FIRST17)!;
const JIANGYANG = '中共泸州市江阳区互联网行业委员会';

const drawer = (page: Page) => page.getByRole('dialog').last();

/** A district's own list: their header names, one bad code (row 4) unless fixed. */
async function registry(fixed: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名单');
  ws.addRow(['江阳区互联网企业名单']);
  ws.addRow(['序号', '企业名称', '信用代码', '所属区县', '所属园区', '员工人数', '经营状态']);
  const codes = ['91510502MA6IMP001', '91510502MA6IMP002'].map(
    (c) => c.replace('I', '1') + creditCodeCheckChar(c.replace('I', '1')),
  );
  ws.addRow([1, '泸州导入一号网络科技有限公司', codes[0], JIANGYANG, '江阳区电子商务产业园党委', 24, '在营']);
  ws.addRow([2, '泸州导入二号网络科技有限公司', fixed ? codes[1] : `${codes[1]!.slice(0, 17)}Z`, JIANGYANG, null, 12, '在营']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function uploadFile(page: Page, name: string, buffer: Buffer) {
  const mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
}

describe('enterprises: registry, coverage and instructor work', () => {
  const j = demoJourney();
  let enterpriseUrl = '';

  it('jiangyang_admin lists, searches and filters the registry', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.waitForURL('**/enterprises');
    await page.locator('.ant-table-row').first().waitFor();
    await shootBoth(page, 'enterprises-list');
    const search = page.getByPlaceholder('企业名称、拼音首字母或信用代码');
    await search.fill('酒城数字');
    await search.press('Enter');
    await page.waitForURL(/q=/);
    // The previous page stays on screen until the search answers: wait for the other rows to go.
    await page.locator('.ant-table-row').nth(1).waitFor({ state: 'detached' });
    await page.locator('.ant-table-row', { hasText: '酒城数字传媒有限公司' }).waitFor();
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(1);
  });

  it('registers an enterprise; a wrong check character is caught in the form before anything is sent', async () => {
    const { page } = j.s;
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-create').click();
    await drawer(page).getByText('登记企业').first().waitFor();
    await page.getByTestId('enterprise-name').fill(NEW_NAME);
    const wrong = FIRST17 + (CODE.endsWith('0') ? '1' : '0');
    await page.getByTestId('enterprise-code').fill(wrong.toLowerCase());
    await drawer(page).getByText('校验位不正确').first().waitFor();
    await page.getByTestId('enterprise-code').fill(CODE.toLowerCase());
    await pickOrg(page, drawer(page), '所属区县或园区党委', '江阳区互联网', JIANGYANG);
    await page.getByTestId('enterprise-employees').fill('36');
    await shootBoth(page, 'enterprises-create');
    await page.getByTestId('enterprise-save').click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await page.getByTestId('enterprise-title').getByText(NEW_NAME).waitFor();
    await page.getByText(CODE).waitFor();
    enterpriseUrl = new URL(page.url()).pathname;
  });

  it('imports a district list: the report names the bad code, the fixed file goes in whole', async () => {
    const { page } = j.s;
    const back = page.url();
    await page.goto('/enterprises/import');
    await page.getByTestId('to-upload').click();
    await uploadFile(page, '江阳区企业名单.xlsx', await registry(false));
    await page.getByTestId('import-errors').waitFor();
    await expect(page.getByTestId('import-report').textContent()).resolves.toContain('无效字符“Z”');
    await shootBoth(page, 'enterprises-import-report');
    await page.getByTestId('reupload').first().click();
    await uploadFile(page, '江阳区企业名单（已修改）.xlsx', await registry(true));
    await page.getByTestId('import-clean').waitFor();
    await page.getByTestId('to-confirm').click();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-done').waitFor();
    await expect(page.getByTestId('import-done').textContent()).resolves.toContain('已导入 2 家企业');
    const found = await (await page.request.get(`/api/enterprises?q=${encodeURIComponent('泸州导入')}`)).json();
    expect(found.total).toBe(2);
    await page.goto(back);
    await page.getByTestId('enterprise-title').getByText(NEW_NAME).waitFor();
  });

  it('assigns the demo instructor to it', async () => {
    const { page } = j.s;
    await page.getByTestId('assign-open').click();
    const select = page.getByTestId('assign-instructor');
    await select.click();
    await page.keyboard.type('陈思远');
    await page
      .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: '陈思远' })
      .first()
      .click();
    await page.getByTestId('assign-save').click();
    await page.getByText('已选派').first().waitFor();
    await page
      .getByTestId('assignment-overdue')
      .waitFor({ state: 'detached' })
      .catch(() => {});
    await shootBoth(page, 'enterprises-detail');
  });

  it('shows coverage with rates, a chart, the uncovered list and who should set up a branch', async () => {
    const { page } = j.s;
    await page.getByRole('menuitem', { name: '两个覆盖' }).click();
    await page.waitForURL('**/coverage');
    await page.getByTestId('coverage-chart').waitFor();
    await expect(page.getByTestId('rate-org').textContent()).resolves.toMatch(/^\d+\.\d%$/);
    await page.getByTestId('uncovered-table').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('should-form-table').locator('.ant-table-row').first().waitFor();
    await shootBoth(page, 'enterprises-coverage');
  });

  it("the district admin sees the overdue visits across its instructors, and one instructor's work", async () => {
    const { page } = j.s;
    await page.goto('/instructor-work?overdue=1');
    await page.getByTestId('assignment-overdue').first().waitFor();
    await page.getByTestId('work-instructor-filter').click();
    await page
      .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: '陈思远' })
      .first()
      .click();
    await page.waitForURL(/instructor=/);
    await page.getByTestId('work-logs').locator('.ant-table-row').first().waitFor();
    const names = await page.getByTestId('work-logs').locator('.ant-table-row td:nth-child(4)').allTextContents();
    expect(new Set(names)).toEqual(new Set(['陈思远']));
    await shootBoth(page, 'enterprises-work-overdue');
    await signOut(page);
  });

  it('the instructor sees its overdue visits and records a visit at the new enterprise', async () => {
    const { page } = j.s;
    await signIn(page, 'instructor', PASSWORD);
    await page.getByRole('menuitem', { name: '指导员工作' }).click();
    await page.waitForURL('**/instructor-work');
    await page.getByTestId('work-assignments').getByText(NEW_NAME).waitFor();
    await page.getByTestId('assignment-overdue').first().waitFor();
    await page.goto(enterpriseUrl);
    await page.getByTestId('log-open').click();
    await page.getByTestId('log-notes').fill('走访企业，了解员工中党员分布情况，宣讲组建党组织的程序');
    await page.getByTestId('log-save').click();
    await page.getByText('已记录').first().waitFor();
    await page.getByText('走访企业，了解员工中党员分布情况').first().waitFor();
    await page.goto('/instructor-work');
    await page.getByTestId('work-logs').getByText('宣讲组建党组织的程序').waitFor();
    await shootBoth(page, 'enterprises-work-log');
    await signOut(page);
  });

  it('the enterprise contact sees only its own enterprise', async () => {
    const { page } = j.s;
    await signIn(page, 'enterprise', PASSWORD);
    await page.goto('/enterprises');
    await page.locator('.ant-table-row', { hasText: '酒城数字传媒有限公司' }).waitFor();
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(1);
    const other = await j.s.context.request.get(`/api${enterpriseUrl}`);
    expect(other.status()).toBe(404);
    await signOut(page);
  });

  it('works on a phone: cards instead of a table, nothing cut off to the right', async () => {
    const phone = await openSession(j.browser, j.server.url, PHONE);
    try {
      await signIn(phone.page, 'jiangyang_admin', PASSWORD);
      await phone.page.goto('/enterprises');
      await phone.page.getByTestId('enterprise-cards').locator('.ant-card').first().waitFor();
      await expect(horizontalOverflow(phone.page)).resolves.toBeLessThanOrEqual(0);
      await phone.page.goto('/coverage');
      await phone.page.getByTestId('coverage-chart').waitFor();
      await expect(horizontalOverflow(phone.page)).resolves.toBeLessThanOrEqual(0);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
