import { idNumberCheckChar, maskIdNumber } from '@tongxin/contracts/labels';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, pickOrg, settled, signIn, signOut } from './support/app';
import { horizontalOverflow, PHONE, shootBoth, webStorageSize } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';
// A fictional, well-formed number: 泸州市江阳区, born 1990-03-15, an odd sequence digit (male).
const FIRST17 = '51050219900315137';
const ID_NUMBER = FIRST17 + idNumberCheckChar(FIRST17);
const MASKED = maskIdNumber(ID_NUMBER);

/** The open drawer or modal (antd gives both the dialog role). */
const drawer = (page: Page) => page.getByRole('dialog').last();
const dialog = drawer;
const search = (page: Page) => page.getByPlaceholder('搜索：姓名、拼音、首字母、身份证号或手机号');

/** Types a date into an antd DatePicker found by its form label. */
async function fillDate(page: Page, label: string, value: string): Promise<void> {
  const input = drawer(page).getByLabel(label, { exact: true });
  // A date typed while the picker is still opening can be dropped on a loaded machine: type until it shows.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    if ((await input.inputValue()) === value) return;
  }
  throw new Error(`could not set 「${label}」 to ${value}`);
}

async function fieldError(page: Page, label: string): Promise<string> {
  const item = drawer(page).locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
  const error = item.locator('.ant-form-item-explain-error').first();
  await error.waitFor();
  return (await error.textContent()) ?? '';
}

describe('member ledger pages: search by initials, reveal with a reason, create and edit with checks, scope', () => {
  const j = demoJourney();
  let memberUrl = '';

  it('jiangyang_admin opens 党员名册 from the menu and sees a paged, counted list', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '党员名册' }).click();
    await page.waitForURL('**/members');
    await page.getByTestId('members-total').waitFor();
    expect(await page.getByTestId('members-total').textContent()).toMatch(/^共 [\d,]+ 名$/);
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(20);
    // Masked everywhere: no full 18-character ID number on the page.
    const body = (await page.locator('[data-testid="member-table"]').textContent()) ?? '';
    expect(body).not.toMatch(/\d{17}[\dX]/);
    expect(body).toMatch(/\d{3}\*{11}\d{3}[\dX]/);
    // 导出 carries the list's filters to the export route.
    await page.getByLabel('党员状态').click();
    await page.locator(`${settled('.ant-select-dropdown')} .ant-select-item-option[title="预备党员"]`).click();
    await page.waitForURL(/status=probationary/);
    const href = '/api/members/export?status=probationary';
    await page.locator(`[data-testid="export-members"][data-href="${href}"]`).waitFor();
    const xlsx = await page.request.get(href);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    // A refused export (here: over the per-minute limit) says why on the page, not as a JSON document.
    for (let i = 1; i < 10; i += 1) await page.request.get(href);
    await page.getByTestId('export-members').click();
    await page.locator('.ant-message').getByText('请求过于频繁，请稍后再试').waitFor();
    expect(page.url()).toContain('/members');
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('status'));
  });

  it('refuses a new member whose birth date disagrees with the ID number, on the 出生日期 field', async () => {
    const { page } = j.s;
    await page.getByTestId('create-member').click();
    const d = drawer(page);
    await d.getByText('基本信息').waitFor();
    await pickOrg(page, d, '所在党组织', 'yz', YUNZHI);
    await d.getByLabel('姓名', { exact: true }).fill('张三丰');
    await d.getByLabel('身份证号', { exact: true }).fill(ID_NUMBER);
    // The ID number fills the birth date and the gender.
    await expect(d.getByLabel('出生日期', { exact: true }).inputValue()).resolves.toBe('1990-03-15');
    await expect(d.getByLabel('男').isChecked()).resolves.toBe(true);
    await fillDate(page, '出生日期', '1990-03-16');
    await choose(page, d, '学历', '大学本科');
    await d.getByLabel('联系电话', { exact: true }).fill('13912345678');
    await fillDate(page, '入党时间', '2015-07-01');
    await d.getByLabel('正式党员').check();
    await fillDate(page, '转正时间', '2016-07-01');
    await d.getByLabel('职务', { exact: true }).fill('工程师');
    await page.getByTestId('member-submit').click();
    expect(await fieldError(page, '出生日期')).toContain('出生日期与身份证号不一致');
    await shootBoth(page, 'member-create-error');
    // What the user typed is kept; fixing the date lets it through.
    await expect(d.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('张三丰');
    await fillDate(page, '出生日期', '1990-03-15');
    await page.getByTestId('member-submit').click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await page.getByTestId('member-name').getByText('张三丰').waitFor();
    memberUrl = new URL(page.url()).pathname;
  });

  it('finds the member by the initials of the name ("zsf"), and the search lives in the URL', async () => {
    const { page } = j.s;
    await page.getByRole('menuitem', { name: '党员名册' }).click();
    await page.getByTestId('members-total').waitFor();
    const before = await page.getByTestId('members-total').textContent();
    await search(page).fill('zsf');
    await page.waitForURL(/q=zsf/);
    await page.locator('.ant-table-row', { hasText: '张三丰' }).waitFor();
    await expect(page.locator('.ant-table-row', { hasText: '张三丰' }).textContent()).resolves.toContain(MASKED);
    await shootBoth(page, 'members-list');
    // A filter is one more step in the history; 后退 takes it away again.
    await page.getByLabel('党员状态').click();
    await page.locator(`${settled('.ant-select-dropdown')} .ant-select-item-option[title="正式党员"]`).click();
    await page.waitForURL(/status=full/);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'zsf' && !url.searchParams.has('status'));
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await expect(search(page).inputValue()).resolves.toBe('');
    await page.getByTestId('members-total').getByText(before!).waitFor();
    await page.goForward();
    await page.locator('.ant-table-row', { hasText: '张三丰' }).getByTestId('member-link').click();
    await page.waitForURL(`**${memberUrl}`);
    await page.getByTestId('member-timeline').getByText('新建档案').waitFor();
    await shootBoth(page, 'member-page');
  });

  it('reveals the full ID number only with the right password and a reason, and hides it again on close', async () => {
    const { page } = j.s;
    await expect(page.getByTestId('masked-id-number').textContent()).resolves.toBe(MASKED);
    await page.getByTestId('reveal-member').click();
    const modal = dialog(page);
    await modal.getByLabel('登录密码').fill('not-my-password');
    await modal.getByLabel('查看原因').fill('办理组织关系转接，核对身份证号');
    await page.getByTestId('reveal-submit').click();
    const passwordItem = modal.locator('.ant-form-item', { has: page.getByLabel('登录密码') });
    await passwordItem.locator('.ant-form-item-explain-error').getByText('登录密码不正确').waitFor();
    await expect(modal.getByLabel('查看原因').inputValue()).resolves.toBe('办理组织关系转接，核对身份证号');
    await modal.getByLabel('登录密码').fill(PASSWORD);
    await page.getByTestId('reveal-submit').click();
    await expect(page.getByTestId('revealed-id-number').textContent()).resolves.toBe(ID_NUMBER);
    await expect(page.getByTestId('revealed').textContent()).resolves.toContain('13912345678');
    await shootBoth(page, 'member-reveal');
    await page.getByTestId('reveal-close').click();
    await page.getByTestId('revealed').waitFor({ state: 'detached' });
    await expect(page.getByTestId('masked-id-number').textContent()).resolves.toBe(MASKED);
    expect(await page.content()).not.toContain(ID_NUMBER);
    // DP-09: nothing personal (nothing at all) in web storage.
    expect(await webStorageSize(page)).toBe(0);
  });

  it('edits a field with a reason and shows the change on the timeline', async () => {
    const { page } = j.s;
    await page.getByTestId('edit-member').click();
    const d = drawer(page);
    await expect(d.getByLabel('身份证号', { exact: true }).inputValue()).resolves.toBe('');
    await expect(d.getByLabel('身份证号', { exact: true }).getAttribute('placeholder')).resolves.toBe(MASKED);
    await d.getByLabel('职务', { exact: true }).fill('技术总监');
    await page.getByTestId('member-submit').click();
    expect(await fieldError(page, '修改原因')).toContain('请填写修改原因');
    await d.getByLabel('修改原因', { exact: true }).fill('本人职务变动');
    await page.getByTestId('member-submit').click();
    await drawer(page).waitFor({ state: 'detached' });
    const latest = page.getByTestId('timeline-entry').first();
    await latest.getByText('修改档案').waitFor();
    await expect(latest.textContent()).resolves.toContain('本人职务变动');
    await expect(latest.getByTestId('timeline-changes').textContent()).resolves.toMatch(/职务：工程师.*技术总监/);
    await page.getByTestId('member-profile').getByText('技术总监').waitFor();
    await expect(page.getByTestId('masked-id-number').textContent()).resolves.toBe(MASKED);
    await shootBoth(page, 'member-page-edited');
    expect(await webStorageSize(page)).toBe(0);
    await signOut(page);
  });

  it('the secretary sees the members of its own branch only, as cards on a phone', async () => {
    const { page } = j.s;
    await signIn(page, 'secretary', PASSWORD);
    await page.goto('/members');
    await page.getByTestId('members-total').waitFor();
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    const orgs = await rows.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ''));
    expect(orgs.length).toBeGreaterThan(0);
    expect(new Set(orgs)).toEqual(new Set([YUNZHI]));
    const total = Number((await page.getByTestId('members-total').textContent())!.replace(/\D/g, ''));
    expect(total).toBeLessThan(100);
    // The branch's org page lists the same members in its 党员 tab.
    await page.goto('/orgs');
    await page.getByTestId('org-title').getByText(YUNZHI, { exact: true }).waitFor();
    await page.getByRole('tab', { name: '党员', exact: true }).click();
    await page.getByTestId('org-members-total').getByText(`在册党员 ${total} 名`, { exact: false }).waitFor();
    await shootBoth(page, 'org-members-tab');
    await page.getByRole('menuitem', { name: '党员名册' }).click();
    await page.getByTestId('members-total').waitFor();
    await search(page).fill('zsf');
    await page.locator('.ant-table-row', { hasText: '张三丰' }).waitFor();
    await shootBoth(page, 'members-secretary');
    await page.setViewportSize(PHONE);
    await page.getByTestId('member-cards').getByText('张三丰').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('member-cards').getByTestId('member-link').first().click();
    await page.getByTestId('member-name').getByText('张三丰').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // 归档: a reason and a date; the record stays, read-only, with the archive on its timeline.
    await page.getByTestId('archive-member').click();
    const modal = dialog(page);
    await choose(page, modal, '归档原因', '出党');
    await page.getByTestId('archive-submit').click();
    await page.getByTestId('timeline-entry').first().getByText('归档', { exact: true }).waitFor();
    await page.getByText('该档案已归档（出党）').waitFor();
    await expect(page.getByTestId('edit-member').count()).resolves.toBe(0);
    await page.goto('/members?q=zsf');
    await page.getByTestId('member-cards').getByText('没有符合条件的党员').waitFor();
    await page.goto('/members?q=zsf&archived=true');
    await page.getByTestId('member-cards').getByText('张三丰').waitFor();
    expect(await webStorageSize(page)).toBe(0);
    expect(j.s.errors).toEqual([]);
  });
});
