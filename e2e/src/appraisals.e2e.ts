import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/app';
import { shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';
// A full-page screenshot taken while scrolled paints the sticky header mid-page: shoot from the top.
const top = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));

describe('democratic appraisal: the secretary grades the branch within the 1/3 rule and closes it', () => {
  const j = demoJourney();
  let id = '';

  it('the list shows last year closed and this year in progress; the to-do points at it', async () => {
    const { page } = j.s;
    await signIn(page, 'secretary', PASSWORD);
    await page.getByTestId('todo-group-appraisal-open').waitFor();
    await page.getByRole('menuitem', { name: '民主评议' }).click();
    await page.waitForURL('**/appraisals');
    await page.locator('.ant-table-row', { hasText: '已结束' }).first().waitFor();
    await page.locator('.ant-table-row', { hasText: '进行中' }).first().waitFor();
    await shootBoth(page, 'appraisals-list');
    await page.locator('.ant-table-row', { hasText: '进行中' }).getByTestId('appraisal-link').click();
    await page.waitForURL(/\/appraisals\/[0-9a-f-]{36}/);
    id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('appraisal-title').getByText(YUNZHI).waitFor();
    await page.getByTestId('appraisal-issues').waitFor();
    // The participants match the ledger: nothing to add or remove.
    await page.getByTestId('appraisal-refresh').click();
    await page.getByText('参评名单与党员名册一致，无需调整').waitFor();
    await shootBoth(page, 'appraisal-in-progress');
  });

  it('refuses an excellent beyond the 1/3 cap, naming the limit, and a grade for a probationary member', async () => {
    const { page, context } = j.s;
    const detail = await (await context.request.get(`/api/appraisals/${id}`)).json();
    const csrf = (await (await context.request.get('/api/auth/me')).json()).csrfToken;
    // Fill the excellent places through the API (as many as the cap allows), grading the rest but one as 合格.
    const full = detail.entries.filter((e: { memberStatus: string }) => e.memberStatus === 'full');
    let excellent = detail.counts.excellent;
    const ungraded = full.filter((e: { grade: string | null }) => e.grade === null);
    const last = ungraded.pop();
    for (const e of ungraded) {
      const grade = excellent < detail.counts.maxExcellent ? 'excellent' : 'qualified';
      if (grade === 'excellent') excellent += 1;
      const res = await context.request.put(`/api/appraisals/${id}/entries/${e.id}`, {
        headers: { 'x-csrf-token': csrf },
        data: { grade, version: e.version },
      });
      expect(res.status()).toBe(200);
    }
    await page.reload();
    await page.getByTestId(`entry-edit-${last.memberName}`).click();
    await page.getByRole('dialog').getByText(`评议情况 · ${last.memberName}`).waitFor();
    await page.getByRole('dialog').getByLabel('个人自评').fill('按时参加组织生活，完成岗位工作。');
    await page.getByTestId('entry-grade').getByText('优秀').click();
    await page.getByTestId('entry-save').click();
    await page.getByText(/评为优秀的党员不能超过参加评定党员的1\/3/).waitFor();
    await top(page);
    await shootBoth(page, 'appraisal-cap-refused');
    await page.getByTestId('entry-grade').getByText('合格', { exact: true }).click();
    await page.getByTestId('entry-save').click();
    await page.getByText('已保存').waitFor();
    const probationary = detail.entries.find((e: { memberStatus: string }) => e.memberStatus === 'probationary');
    if (probationary) {
      await page.getByTestId(`entry-edit-${probationary.memberName}`).click();
      await page.getByRole('dialog').getByText('预备党员参加民主评议，但不评定等次。').waitFor();
      await page.keyboard.press('Escape');
    }
  });

  it('closes it; the results are on the member timeline', async () => {
    const { page } = j.s;
    const close = page.getByTestId('appraisal-close');
    await expect(close.isEnabled()).resolves.toBe(true);
    await close.click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('评议已结束，结果已记入党员档案').waitFor();
    await page.getByText(/已于 .* 结束/).waitFor();
    await top(page);
    await shootBoth(page, 'appraisal-closed');
    const detail = await (await j.s.context.request.get(`/api/appraisals/${id}`)).json();
    await page.goto(`/members/${detail.entries[0].memberId}`);
    await page
      .getByText(/年度民主评议党员/)
      .first()
      .waitFor();
    await shootBoth(page, 'member-timeline-appraisal');
    expect(j.s.errors).toEqual([]);
  });
});
