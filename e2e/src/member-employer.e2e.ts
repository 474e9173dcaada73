import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, signIn } from './support/app';
import { artifacts, PHONE, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const drawer = (page: Page) => page.getByRole('dialog').last();
const employerInput = (page: Page) => drawer(page).getByTestId('employer-input');
/** The open drawer as the user sees it (a full-page shot would cut the fixed drawer at the viewport's height). */
async function shootDrawer(page: Page, name: string): Promise<void> {
  const { width } = page.viewportSize() ?? { width: 1440 };
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, `${name}-${width}.png`) });
}
const options = (page: Page) => page.locator(`${settled('.ant-select-dropdown')} [data-testid="employer-option"]`);

describe('a member’s employer picked from the enterprise registry (issue #3 point 1)', () => {
  const j = demoJourney();
  let memberId = '';
  let enterprise = { id: '', name: '' };

  it('jiangyang_admin edits a member and picks the employer from the registry search', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    // Any member and any active enterprise this admin can see (the demo decides which; none is hard-coded).
    const members = await (await page.request.get('/api/members?pageSize=1&status=full')).json();
    memberId = members.items[0].id;
    const list = await (await page.request.get('/api/enterprises?pageSize=1')).json();
    enterprise = { id: list.items[0].id, name: list.items[0].name };
    expect(enterprise.name.length).toBeGreaterThan(3);

    await page.goto(`/members/${memberId}`);
    await page.getByTestId('edit-member').click();
    await employerInput(page).fill('');
    // Part of the name, as a worker would type it: the registry answers with name, area and a masked credit code.
    await employerInput(page).pressSequentially(enterprise.name.slice(0, 4), { delay: 30 });
    const hit = options(page).filter({ hasText: enterprise.name }).first();
    await hit.waitFor();
    const text = (await hit.textContent()) ?? '';
    expect(text).toContain('信用代码');
    expect(text).not.toMatch(/[0-9A-Z]{18}/);
    await page
      .locator(settled('.ant-select-dropdown'))
      .getByText(/按文字填写/)
      .waitFor();
    await shootDrawer(page, 'member-employer-search');
    await hit.click();
    await expect(employerInput(page).inputValue()).resolves.toBe(enterprise.name);
    await drawer(page).getByText(`已关联企业名录：${enterprise.name}`).waitFor();
    await drawer(page).getByLabel('修改原因', { exact: true }).fill('工作单位按企业名录更正');
    await page.getByTestId('member-submit').click();
    await drawer(page).waitFor({ state: 'detached' });

    const link = page.getByTestId('member-employer-link');
    await expect(link.textContent()).resolves.toBe(enterprise.name);
    await page.getByTestId('timeline-entry').first().getByText('工作单位按企业名录更正').waitFor();
    const changes = page.getByTestId('timeline-entry').first().getByTestId('timeline-changes');
    await expect(changes.textContent()).resolves.toContain(enterprise.name);
    await shootBoth(page, 'member-employer-linked');
    await link.click();
    await page.waitForURL(`**/enterprises/${enterprise.id}`);
    await page.getByTestId('enterprise-title').getByText(enterprise.name).waitFor();
  });

  it('on a phone, typing a name the registry lacks keeps it as free text and unlinks', async () => {
    const { page } = j.s;
    await page.setViewportSize(PHONE);
    await page.goto(`/members/${memberId}`);
    await page.getByTestId('edit-member').click();
    await drawer(page).getByText(`已关联企业名录：${enterprise.name}`).waitFor();
    // The registry search works at 375 px too.
    await employerInput(page).fill('');
    await employerInput(page).pressSequentially(enterprise.name.slice(0, 4), { delay: 30 });
    await options(page).filter({ hasText: enterprise.name }).first().waitFor();
    await shootDrawer(page, 'member-employer-search');
    await employerInput(page).fill('');
    await employerInput(page).pressSequentially('泸州某某个体工作室', { delay: 20 });
    const asText = page.locator(settled('.ant-select-dropdown')).getByText('按文字填写「泸州某某个体工作室」（不关联企业名录）');
    await asText.waitFor();
    await shootDrawer(page, 'member-employer-free-text');
    await asText.click();
    await drawer(page)
      .getByText(/未关联企业名录/)
      .waitFor();
    await drawer(page).getByLabel('修改原因', { exact: true }).fill('本人已离职创业');
    await page.getByTestId('member-submit').click();
    await drawer(page).waitFor({ state: 'detached' });
    await page.getByTestId('member-profile').getByText('泸州某某个体工作室').waitFor();
    await expect(page.getByTestId('member-employer-link').count()).resolves.toBe(0);
  });
});
