import { idNumberCheckChar } from '@tongxin/contracts/labels';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmInDialog, settled, signIn, signOut } from './support/app';
import { horizontalOverflow, openSession, PHONE, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const ZHANGBA = '泸州张坝网络文化有限公司党支部';
const CHANGJIANG = '泸州长江云数据有限公司党支部';
const LETTER = '江行党转〔2026〕88号';

const XINCHUANG = '龙马潭区信创软件有限公司党支部';
// A fictional, well-formed number: 泸州市龙马潭区, born 1985-06-20, an odd sequence digit (male).
const FIRST17 = '51050419850620123';
const INCOMING_ID = FIRST17 + idNumberCheckChar(FIRST17);
const INCOMING_LETTER = '渝组转〔2026〕9号';

const drawer = (page: Page) => page.getByRole('dialog').last();

/** Types a date into an antd DatePicker found by its form label. */
async function fillDate(page: Page, label: string, value: string): Promise<void> {
  const input = drawer(page).getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Types into a search-as-you-type select found by its form label and clicks the first option containing `text`. */
async function pick(page: Page, label: string, query: string, text: string): Promise<void> {
  const input = drawer(page).getByLabel(label, { exact: true });
  await input.click();
  await input.fill(query);
  await page
    .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: text })
    .first()
    .click();
}

describe('transfers: 江阳区 sends a member to a 龙马潭区 branch, 龙马潭区 accepts, the member moves', () => {
  const j = demoJourney();
  let member = { id: '', name: '' };

  it('jiangyang_admin sees the demo transfers: an overdue letter and the outgoing list', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '组织关系转接' }).click();
    await page.waitForURL('**/transfers');
    await page.getByRole('tab', { name: /逾期/ }).click();
    const overdue = page.locator('.ant-table-row').first();
    await overdue.getByText('回执逾期').waitFor();
    await expect(overdue.textContent()).resolves.toContain('纳溪区特早茶电商服务中心党支部');
    await shootBoth(page, 'transfers-overdue');
    await page.getByRole('tab', { name: /转出/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await shootBoth(page, 'transfers-outgoing');
  });

  it('issues a letter: member found by name in scope, destination from the city-wide directory, dates by the rule', async () => {
    const { page } = j.s;
    // A member of 张坝 (a 江阳区 branch with no demo transfer), read the way the member list reads it.
    const orgs = await j.s.context.request.get(`/api/orgs/search?q=${encodeURIComponent('张坝')}`);
    const zhangba = (await orgs.json()).items.find((o: { name: string }) => o.name === ZHANGBA);
    const list = await j.s.context.request.get(`/api/members?orgId=${zhangba.id}&pageSize=1`);
    member = (await list.json()).items[0];

    await page.getByTestId('transfer-create').click();
    await drawer(page).getByText('发起组织关系转接').waitFor();
    await pick(page, '转接党员', member.name, ZHANGBA);
    await pick(page, '接收党组织', '长江云', CHANGJIANG);
    await drawer(page).getByLabel('介绍信编号', { exact: true }).fill(LETTER);
    await expect(
      drawer(page)
        .getByText(/按规定有效期3个月/)
        .count(),
    ).resolves.toBe(1);
    await shootBoth(page, 'transfers-create');
    await page.getByTestId('transfer-submit').click();
    await page.getByText('已提交转接').waitFor();
    const row = page.locator('.ant-table-row', { hasText: LETTER });
    await row.getByText('待接收').waitFor();
    await expect(row.textContent()).resolves.toContain(CHANGJIANG);
    // Still in 张坝 until the receiving side accepts.
    const still = await j.s.context.request.get(`/api/members/${member.id}`);
    expect((await still.json()).orgName).toBe(ZHANGBA);
  });

  it('longmatan_admin finds it under 转入, opens it and accepts it', async () => {
    const { page } = j.s;
    await signOut(page);
    await signIn(page, 'longmatan_admin', PASSWORD);
    await page.goto('/transfers');
    const row = page.locator('.ant-table-row', { hasText: LETTER });
    await row.waitFor();
    await expect(page.locator('.ant-table-row').count()).resolves.toBeGreaterThanOrEqual(3);
    await shootBoth(page, 'transfers-incoming');
    await row.getByTestId('transfer-open').click();
    await drawer(page).getByText('办理记录').waitFor();
    await drawer(page).getByText('开具介绍信').waitFor();
    await shootBoth(page, 'transfers-detail');
    await drawer(page).getByTestId('transfer-accept').click();
    await confirmInDialog(page, '确认接收', /接\s*收/);
    await page.getByText('已接收，该党员已编入本组织').waitFor();
    await drawer(page).getByText('已接收').first().waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.ant-table-row', { hasText: LETTER }).getByText('已接收').waitFor();
  });

  it('registers a member coming from outside the city with the full record, then accepts it', async () => {
    const { page } = j.s;
    await page.getByTestId('transfer-create').click();
    const d = drawer(page);
    await d.getByText('发起组织关系转接').waitFor();
    await d.getByText('从市外转入').click();
    await d.getByText('转入党员信息').waitFor();
    await pick(page, '接收党组织（本组织）', '信创', XINCHUANG);
    await d.getByLabel('原所在党组织名称', { exact: true }).fill('中共重庆市渝北区某科技有限公司支部委员会');
    await d.getByLabel('跨省').check();
    await d.getByLabel('介绍信编号', { exact: true }).fill(INCOMING_LETTER);
    await expect(d.getByText(/按规定有效期6个月/).count()).resolves.toBe(1);
    await d.getByLabel('姓名', { exact: true }).fill('冉渝川');
    await d.getByLabel('身份证号', { exact: true }).fill(INCOMING_ID);
    await expect(d.getByLabel('出生日期', { exact: true }).inputValue()).resolves.toBe('1985-06-20');
    await d.getByLabel('学历', { exact: true }).click();
    await page.locator(`${settled('.ant-select-dropdown')} .ant-select-item-option[title="大学本科"]`).click();
    await fillDate(page, '入党时间', '2010-06-28');
    await d.getByLabel('正式党员').check();
    await fillDate(page, '转正时间', '2011-07-01');
    await shootBoth(page, 'transfers-register-in');
    await page.getByTestId('transfer-submit').click();
    await page.getByText('已提交转接').waitFor();
    const row = page.locator('.ant-table-row', { hasText: INCOMING_LETTER });
    await row.getByText('待接收').waitFor();
    await row.getByTestId('transfer-accept').click();
    await confirmInDialog(page, '确认接收', /接\s*收/);
    await row.getByText('已接收').waitFor();
    const found = await j.s.context.request.get(`/api/members?q=${INCOMING_ID}`);
    expect((await found.json()).items.map((i: { name: string; orgName: string }) => [i.name, i.orgName])).toEqual([
      ['冉渝川', XINCHUANG],
    ]);
  });

  it('the member now shows in the receiving branch, with the move in the timeline', async () => {
    const { page } = j.s;
    await page.goto(`/members/${member.id}`);
    await page.getByTestId('member-name').getByText(member.name).waitFor();
    await page.getByTestId('member-org-path').getByText(CHANGJIANG).waitFor();
    await page.getByText('组织关系转入').first().waitFor();
    await shootBoth(page, 'transfers-member-moved');
    // 江阳区 no longer reads the member it sent away.
    await signOut(page);
    await signIn(page, 'jiangyang_admin', PASSWORD);
    const gone = await j.s.context.request.get(`/api/members/${member.id}`);
    expect(gone.status()).toBe(404);
  });

  it('works on a phone: cards instead of a table, nothing cut off to the right', async () => {
    const phone = await openSession(j.browser, j.server.url, PHONE);
    try {
      await signIn(phone.page, 'longmatan_admin', PASSWORD);
      await phone.page.goto('/transfers?box=outgoing');
      await phone.page.getByTestId('transfer-cards').waitFor();
      await phone.page.goto('/transfers');
      await phone.page.getByTestId('transfer-cards').getByText(LETTER).waitFor();
      await expect(horizontalOverflow(phone.page)).resolves.toBeLessThanOrEqual(0);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
