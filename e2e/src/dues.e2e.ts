import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { confirmInDialog, settled, signIn, signOut } from './support/app';
import { horizontalOverflow, PHONE, type Session, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';

/** "12 / 48 人" → 12 */
const paidCount = async (s: Session) => {
  const text = (await s.page.getByTestId('dues-paid-count').textContent()) ?? '';
  const match = /(\d+)\s*\/\s*(\d+)\s*人/.exec(text);
  if (!match) throw new Error(`no paid count in "${text}"`);
  return { paid: Number(match[1]), all: Number(match[2]) };
};

describe('a month of dues: the secretary records a batch and exports the sheet; the district decides a reduction', () => {
  const j = demoJourney();

  it('the secretary opens this month’s sheet of 泸州云智 from the menu', async () => {
    const { page } = j.s;
    await signIn(page, 'secretary', PASSWORD);
    await page.getByRole('menuitem', { name: '党费' }).click();
    await page.waitForURL('**/dues');
    await page.getByTestId('dues-org').getByText(YUNZHI).waitFor();
    await page.getByTestId('dues-totals').waitFor();
    await page.getByTestId('dues-row').first().waitFor();
    const { all } = await paidCount(j.s);
    expect(all).toBeGreaterThanOrEqual(40);
    // The district's pending reduction shows, waiting for the level above.
    await page.getByTestId('reductions').getByText('待审批').waitFor();
    await expect(
      page
        .getByTestId('reductions')
        .getByRole('button', { name: /审\s*批/ })
        .count(),
    ).resolves.toBe(0);
    await shootBoth(page, 'dues-sheet');
  });

  it('records a batch payment for three members, and the totals follow', async () => {
    const { page } = j.s;
    const before = await paidCount(j.s);
    // Rows that can still be ticked (unpaid, something due); their box is ticked with the keyboard (space).
    const boxes = page.locator('tr.ant-table-row[data-testid="dues-row"] input[type="checkbox"]:not([disabled])');
    const open = await boxes.count();
    expect(open).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i += 1) {
      await boxes.nth(i).focus();
      await page.keyboard.press('Space');
    }
    await page.getByTestId('batch-record').getByText('批量登记缴纳（3人）').waitFor();
    await page.getByTestId('batch-record').click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByText(/共 3 人，合计 ¥/).waitFor();
    await shootBoth(page, 'dues-payment');
    await page.getByTestId('submit-payment').click();
    await page.getByText(/已登记 3 人，合计 ¥/).waitFor();
    await expect.poll(async () => (await paidCount(j.s)).paid).toBe(before.paid + 3);
    // Those three are paid now; recording them twice is not offered.
    await expect.poll(() => boxes.count()).toBe(open - 3);
    expect(j.s.errors).toEqual([]);
  });

  it('sets a new base from this month in a member’s drawer, with the history beside it', async () => {
    const { page } = j.s;
    const row = page.locator('tr[data-testid="dues-row"]').first();
    await row.getByRole('button', { name: '修改基数' }).click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByText('基数沿革').waitFor();
    await drawer.getByText('依据原党费台账录入').first().waitFor();
    await drawer.getByTestId('base-input').fill('8000');
    await drawer.getByTestId('profile-preview').getByText('按现行标准每月应缴 ¥120.00').waitFor();
    await shootBoth(page, 'dues-profile');
    await page.getByTestId('submit-profile').click();
    await page.getByText('已保存党费基数：按现行标准每月应缴 ¥120.00').waitFor();
    await row.getByText('¥8,000.00').waitFor();
  });

  it('exports the sheet as an Excel file', async () => {
    const { page } = j.s;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dues').click()]);
    expect(download.suggestedFilename()).toMatch(/党费收缴表\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain(YUNZHI);
    expect(ws.rowCount).toBeGreaterThan(40);
  });

  it('the phone shows the sheet as a list without sideways scrolling', async () => {
    const { page } = j.s;
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    await page.getByTestId('dues-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signOut(page);
  });

  it('the district admin approves the pending reduction of 泸州云智', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '党费' }).click();
    await page.waitForURL('**/dues');
    const input = page.getByTestId('dues-org').locator('input');
    await input.click();
    await input.fill('yz');
    await page
      .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: YUNZHI })
      .first()
      .click();
    await page.waitForURL(/orgId=/);
    const card = page.getByTestId('reductions');
    await card.getByRole('button', { name: /审\s*批/ }).click();
    const modal = page.getByRole('dialog').last();
    await modal.getByPlaceholder('审批意见（可选）').fill('情况属实，同意');
    await shootBoth(page, 'dues-reduction-decide');
    await confirmInDialog(page, '审批 ·', /批\s*准/);
    await card.getByText('已批准').first().waitFor();
    await expect(card.getByRole('button', { name: /审\s*批/ }).count()).resolves.toBe(0);
    await shootBoth(page, 'dues-reductions');
    expect(j.s.errors).toEqual([]);
  });
});
