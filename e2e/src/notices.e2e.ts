import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, signIn, signOut } from './support/app';
import { horizontalOverflow, openSession, PHONE, shoot, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const TITLE = '关于开展年终党建工作总结的通知';
const JIANGYANG = '中共泸州市江阳区互联网行业委员会';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const drawer = (page: Page) => page.getByRole('dialog').last();
const statistic = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, ''));

describe('notices: the city sends, the secretary reads from the to-do panel, the city sees the receipt', () => {
  const j = demoJourney();
  let noticeUrl = '';

  it('the city admin lands on the workbench: to-dos first, then the latest notices', async () => {
    const { page } = j.s;
    await signIn(page, 'city_admin', PASSWORD);
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('todo-panel').waitFor();
    await page.getByTestId('home-notices').waitFor();
    await shootBoth(page, 'home-city');
  });

  it('composes a notice to everyone in 江阳区 with a PDF attached', async () => {
    const { page } = j.s;
    await page.getByRole('menuitem', { name: '通知公告' }).click();
    await page.waitForURL('**/notices');
    await page.getByTestId('notice-compose').click();
    const d = drawer(page);
    await d.getByText('发送通知').first().waitFor();
    await d.getByLabel('标题', { exact: true }).fill(TITLE);
    await d.getByLabel('正文', { exact: true }).fill('江阳区各党支部、全体党员：\n请各支部于月底前报送本支部年度党建工作总结。');
    const targets = d.getByLabel('接收组织', { exact: true });
    await targets.click();
    await targets.fill('江阳区互联网');
    await page
      .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: JIANGYANG })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await d.locator('input[type=file]').setInputFiles({ name: '年终总结模板.pdf', mimeType: 'application/pdf', buffer: PDF });
    await d.getByText('年终总结模板.pdf').waitFor();
    await shootBoth(page, 'notice-compose');
    await page.getByTestId('notice-send').click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}/);
    noticeUrl = new URL(page.url()).pathname;
    await page.getByTestId('notice-title').getByText(TITLE).waitFor();
    await page.getByTestId('receipts-panel').waitFor();
    await page.locator('[data-testid=receipts-orgs] .ant-table-row').first().waitFor();
    expect(await statistic(page, 'receipts-unread')).toBeGreaterThanOrEqual(1);
    await page.getByText('年终总结模板.pdf').waitFor();
    await shootBoth(page, 'notice-sent-receipts');
  });

  it('the secretary finds it in the to-do panel, opens it and it leaves the list', async () => {
    const { page } = j.s;
    await signOut(page);
    await signIn(page, 'secretary', PASSWORD);
    const group = page.getByTestId('todo-group-notice-unread');
    await group.getByText(TITLE).waitFor();
    await shootBoth(page, 'home-secretary-todos');
    await group.getByText(TITLE).click();
    await page.waitForURL(`**${noticeUrl}`);
    await page
      .getByTestId('notice-body')
      .getByText(/年度党建工作总结/)
      .waitFor();
    await page.getByText('您的阅读时间').waitFor();
    await expect(page.getByTestId('receipts-panel').count()).resolves.toBe(0);
    await shootBoth(page, 'notice-read-secretary');
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByTestId('todo-panel').waitFor();
    await page.getByTestId('todo-group-appraisal-open').waitFor();
    // Opening it refetched the to-do list: the item goes (the other unread notice stays).
    await page.getByTestId('todo-panel').getByText(TITLE).waitFor({ state: 'detached' });
    await page.getByTestId('todo-group-notice-unread').getByText('关于报送第四季度').waitFor();
  });

  it('the secretary reads the inbox on a phone: cards, no sideways scrolling', async () => {
    const phone = await openSession(j.browser, j.server.url, PHONE);
    try {
      await signIn(phone.page, 'secretary', PASSWORD);
      await phone.page.goto('/notices');
      await phone.page.getByTestId('notice-cards').getByText(TITLE).waitFor();
      expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
      await shoot(phone.page, 'notices-inbox-phone');
    } finally {
      await phone.context.close();
    }
  });

  it('the city sees the receipt: 张志强 has read it, and who has not read it yet', async () => {
    const { page } = j.s;
    await signOut(page);
    await signIn(page, 'city_admin', PASSWORD);
    await page.goto('/notices?box=sent');
    const row = page.locator('.ant-table-row', { hasText: TITLE });
    await row.getByText('1 人已读').waitFor();
    await shootBoth(page, 'notices-sent');
    await row.getByTestId('notice-link').click();
    await page.getByTestId('receipts-panel').waitFor();
    await page.getByTestId('receipts-view').getByText('按人员').click();
    const people = page.getByTestId('receipts-people');
    await people.locator('.ant-table-row', { hasText: '张志强' }).waitFor();
    await shootBoth(page, 'notice-receipts-people');
    await page.getByTestId('receipts-unread-only').click();
    // The previous page stays on screen while the filtered one loads: wait for the reader to leave it.
    await people.locator('.ant-table-row', { hasText: '张志强' }).waitFor({ state: 'detached' });
    await people.locator('.ant-table-row').first().waitFor();
    await expect(people.locator('.ant-table-row', { hasText: '未读' }).count()).resolves.toBeGreaterThan(0);
    await shootBoth(page, 'notice-receipts-unread');
    await page.getByTestId('receipts-view').getByText('按组织').click();
    await page.locator('[data-testid=receipts-orgs] .ant-table-row').first().waitFor();
    expect(j.s.errors).toEqual([]);
  });
});
