import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, signIn, signOut } from './support/app';
import { horizontalOverflow, openSession, PHONE, type Session, shoot, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const TITLE = '申请园区人才公寓和子女入学协调';
// A valid 1×1 PNG: the photo an enterprise contact takes of its paperwork.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const dialog = (page: Page) => page.getByRole('dialog').last();

/** Opens an antd Select by its test id and clicks the option with this text. */
async function pickOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page
    .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: text })
    .first()
    .click();
}

describe('service liaison: an enterprise contact raises a request on a phone, 江阳区 answers it, the contact rates it', () => {
  const j = demoJourney();
  let phone: Session;
  let requestPath = '';

  it('the enterprise contact’s home lists the answer waiting for its rating; its requests show it first', async () => {
    const { page } = j.s;
    await signIn(page, 'enterprise', PASSWORD);
    await page
      .getByTestId('workbench')
      .getByText(/诉求已答复，请评价/)
      .first()
      .waitFor();
    await page.getByRole('menuitem', { name: '我的诉求' }).click();
    await page.waitForURL('**/services/mine');
    await page.getByText('条已答复，请评价').waitFor();
    await page.getByTestId('service-open').first().waitFor();
    await shootBoth(page, 'services-mine');
    await signOut(page);
  });

  it('on a 375 px phone, raises a request with a photo attached', async () => {
    phone = await openSession(j.browser, j.server.url, PHONE);
    const page = phone.page;
    await signIn(page, 'enterprise', PASSWORD);
    await page.goto('/services/mine');
    await page.getByTestId('service-raise').click();
    await page.waitForURL('**/services/new');
    await pickOption(page, 'service-category', '人才招引');
    await page.getByText(/该类诉求一般在 15 天内答复/).waitFor();
    await page.getByTestId('service-title').fill(TITLE);
    await page
      .getByTestId('service-description')
      .fill('公司新引进两名算法工程师，希望申请园区人才公寓，并协调子女就近入学，请党委帮助对接相关部门。');
    await page.locator('input[type=file]').setInputFiles({ name: '引进人才名单.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('引进人才名单.png').waitFor();
    await page
      .locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)')
      .first()
      .waitFor();
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'services-raise-phone');
    await page.getByTestId('service-submit').click();
    await page.waitForURL(/\/services\/[0-9a-f-]{36}$/);
    requestPath = new URL(page.url()).pathname;
    await page.getByTestId('service-title-text').getByText(TITLE).waitFor();
    await expect(page.getByTestId('service-status').first().textContent()).resolves.toBe('待受理');
    await page.getByTestId('service-thread').getByText('引进人才名单.png').waitFor();
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await shoot(page, 'services-raised-phone');
    expect(phone.errors).toEqual([]);
  });

  it('jiangyang_admin finds it unassigned in the queue, takes it and answers', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '服务联抓' }).click();
    await page.waitForURL('**/services');
    const row = page.locator('.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待指派');
    // The overview: what the district's enterprises ask for, by category and status.
    await page.getByTestId('service-chart').waitFor();
    await shootBoth(page, 'services-queue');
    await page.getByRole('tab', { name: /已逾期/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await shoot(page, 'services-queue-overdue');
    await page.getByRole('tab', { name: /待指派/ }).click();
    await row.getByTestId('service-open').click();
    await page.waitForURL(`**${requestPath}`);
    await page.getByTestId('service-take').click();
    await page.getByText('已指派').first().waitFor();
    await page.getByTestId('service-answer').click();
    await page
      .getByTestId('service-answer-body')
      .fill('已与园区人才办对接：人才公寓本月可入住，子女入学由区教育局统筹安排，联系人和材料清单见附件说明。');
    await page.getByTestId('service-answer-submit').click();
    await page.getByText('已答复，等待企业评价').waitFor();
    await expect(page.getByTestId('service-status').first().textContent()).resolves.toBe('已答复');
    await shootBoth(page, 'services-thread-answered');

    // The enterprise's detail page lists its requests in the liaison's section.
    const detail = await (await j.s.context.request.get(`/api${requestPath.replace('/services/', '/service-requests/')}`)).json();
    await page.goto(`/enterprises/${detail.enterprise.id}`);
    const section = page.getByTestId('enterprise-services');
    await section.getByText(TITLE).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'services-enterprise-section');
    expect(j.s.errors).toEqual([]);
    await signOut(page);
  });

  it('the contact, on the phone, rates the answer and closes the request', async () => {
    const page = phone.page;
    await page.goto(requestPath);
    await page.getByText('已答复，请评价').waitFor();
    await page.getByTestId('service-close').click();
    const rate = dialog(page).getByTestId('service-rating');
    await rate.locator('.ant-rate-star').nth(3).click();
    await dialog(page).getByTestId('service-rating-comment').fill('对接很快，公寓已落实，谢谢！');
    await shoot(page, 'services-rate-phone');
    await dialog(page)
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已办结，感谢您的评价').waitFor();
    await expect(page.getByTestId('service-status').first().textContent()).resolves.toBe('已办结');
    const kinds = await page
      .locator('[data-testid^="thread-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(kinds).toEqual(['thread-raise', 'thread-assign', 'thread-answer', 'thread-close']);
    await shoot(page, 'services-closed-phone');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
