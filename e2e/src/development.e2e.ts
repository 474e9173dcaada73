import { idNumberCheckChar } from '@tongxin/contracts/labels';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fillPasswordChange, settled, signIn, signOut } from './support/app';
import { horizontalOverflow, launch, openSession, PHONE, type Session, shoot, shootBoth, shootFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';
// A fictional, well-formed number: 泸州市江阳区, born 1994-08-15, an even sequence digit (female).
const FIRST17 = '51050219940815246';
const ID_NUMBER = FIRST17 + idNumberCheckChar(FIRST17);
const NAME = '林若溪';

const drawer = (page: Page) => page.getByRole('dialog').last();

/**
 * Member development, walked in the browser from the application to full membership over two years, with the
 * server's test clock (TONGXIN_TEST_CLOCK) moved to each step's day. The committee admin of 江阳区 records both
 * the branch's steps (development.manage reaches the branch) and the committee's (预审、审批、备案).
 */
describe('development: one person from application (2026) to full membership (2028) with the clock advanced', () => {
  let server: TestServer;
  let browser: Browser;
  let s: Session;
  let personUrl = '';
  beforeAll(async () => {
    server = await startServer({
      demo: true,
      env: {
        TONGXIN_TEST_CLOCK: '1',
        TONGXIN_TEST_CLOCK_AT: '2026-03-02T02:00:00Z',
        // The clock jumps months ahead: sessions would end at each jump, which is not what this journey tests.
        SESSION_IDLE_MINUTES: '5000000',
        SESSION_ADMIN_IDLE_MINUTES: '5000000',
        SESSION_ABSOLUTE_HOURS: '100000',
      },
    });
    browser = await launch();
    s = await openSession(browser, server.url);
  });
  afterEach(async (ctx) => shootFailure(s?.page, ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Moves the server's clock to 10:00 Beijing time on `day`, then reloads the person's file. */
  async function clockTo(day: string) {
    const res = await s.context.request.post('/api/test/clock', { data: { at: `${day}T02:00:00Z` } });
    expect(res.ok()).toBe(true);
    if (personUrl) {
      await s.page.goto(personUrl);
      await s.page.getByTestId('step-timeline').waitFor();
    }
  }

  async function fillDate(label: string, value: string) {
    const input = drawer(s.page).getByLabel(label, { exact: true });
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }

  /**
   * Picks `count` more entries in a multiple select, each time the first not yet chosen, checking each pick took
   * (a click while the dropdown is still opening is lost on a loaded machine).
   */
  async function pickMembers(label: string, count: number) {
    const field = drawer(s.page).getByLabel(label, { exact: true });
    const chosen = drawer(s.page)
      .locator('.ant-form-item', { has: s.page.getByLabel(label, { exact: true }) })
      .locator('.ant-select-selection-item');
    const options = s.page.locator(
      `${settled('.ant-select-dropdown')} .ant-select-item-option:not(.ant-select-item-option-selected)`,
    );
    const before = await chosen.count();
    for (let i = 0; i < count; i++) {
      for (let attempt = 1; ; attempt++) {
        await field.click();
        await options.first().click();
        try {
          await expect.poll(() => chosen.count(), { timeout: 3_000 }).toBe(before + i + 1);
          break;
        } catch (err) {
          if (attempt === 3) throw err;
        }
      }
    }
    await drawer(s.page).getByText(label).click();
  }

  /** Records the next step on the clock's day, filling what its kind asks for. */
  async function record(no: number, fill?: () => Promise<void>, button = 'record-step') {
    const { page } = s;
    await page.getByTestId(button).click();
    await drawer(page).getByText(`第${no}步`).first().waitFor();
    await fill?.();
    await drawer(page).getByLabel('材料（文件名或档案编号，回车添加）').fill(`第${no}步材料`);
    await drawer(page).getByLabel('材料（文件名或档案编号，回车添加）').press('Enter');
    await page.getByTestId('step-submit').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.locator(`[data-testid="step-${no}"][data-done="true"]`).first().waitFor();
  }
  const vote = async () => {
    await drawer(s.page).getByLabel('应到会有表决权党员', { exact: true }).fill('9');
    await drawer(s.page).getByLabel('实到会有表决权党员', { exact: true }).fill('8');
    await drawer(s.page).getByLabel('赞成票（含书面意见）', { exact: true }).fill('8');
  };
  async function publishNotice() {
    await s.page.getByTestId('publish-notice').click();
    await s.page.getByTestId('notice-submit').click();
    await s.page.getByText(/已发布，公示至/).waitFor();
  }

  it('shows the demo board by stage with overdue and upcoming people, at 1440 and 375', async () => {
    const { page } = s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '发展党员' }).click();
    await page.waitForURL('**/development');
    await page.getByTestId('pipeline-board').waitFor();
    for (const stage of ['applicant', 'activist', 'candidate', 'admission', 'probation']) {
      await expect(page.getByTestId(`stage-${stage}`).getByTestId('board-person').count()).resolves.toBeGreaterThan(0);
    }
    await expect(page.getByTestId('pipeline-board').getByText('已逾期').count()).resolves.toBeGreaterThan(0);
    await shootBoth(page, 'development-board');
    await page.getByRole('tab', { name: '逾期与临近期限' }).click();
    await page.getByTestId('deadlines-overdue').waitFor();
    await shootBoth(page, 'development-deadlines');
  });

  it('registers the application; the board and file show the talk due within a month', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: '发展看板' }).click();
    await page.getByTestId('development-create').click();
    const d = drawer(page);
    const org = d.getByLabel('党支部', { exact: true });
    await org.click();
    await org.fill('云智');
    await page
      .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: YUNZHI })
      .first()
      .click();
    await d.getByLabel('姓名', { exact: true }).fill(NAME);
    await d.getByLabel('身份证号', { exact: true }).fill(ID_NUMBER);
    await d.getByLabel('学历', { exact: true }).click();
    await page.locator(`${settled('.ant-select-dropdown')} .ant-select-item-option[title="硕士研究生"]`).click();
    await d.getByLabel('工作单位', { exact: true }).fill('泸州云智科技有限公司');
    await fillDate('递交入党申请书日期', '2026-03-02');
    await page.getByTestId('application-submit').click();
    await page.waitForURL('**/development/people/**');
    personUrl = new URL(page.url()).pathname;
    await page.locator('[data-testid="step-1"][data-done="true"]').waitFor();
    // The file shows the ID number masked; the full one needs the password and a reason (audited).
    await page.getByTestId('reveal').click();
    await page.getByRole('dialog').last().getByLabel('登录密码').fill(PASSWORD);
    await page.getByRole('dialog').last().getByLabel('查看原因').fill('核对入党申请人身份');
    await page.getByTestId('reveal-submit').click();
    await expect(page.getByTestId('revealed-id-number').textContent()).resolves.toBe(ID_NUMBER);
    await page.getByTestId('reveal-close').click();
    await page.getByTestId('revealed').waitFor({ state: 'detached' });
    await expect(page.getByTestId('step-2').textContent()).resolves.toContain('期限 2026-04-02');
  });

  it('applicant → activist: talk, activist, filing, mentor, two reviews six months apart', async () => {
    await clockTo('2026-03-09');
    // The talk record goes into the file as a scanned PDF (the shared attachment store).
    await record(2, async () => {
      await drawer(s.page)
        .locator('input[type=file]')
        .setInputFiles({
          name: '谈话记录.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        });
      await drawer(s.page).getByText('谈话记录.pdf').waitFor();
    });
    await s.page.getByTestId('step-timeline').getByRole('link', { name: '谈话记录.pdf' }).waitFor();
    await clockTo('2026-03-16');
    await record(3);
    await clockTo('2026-03-23');
    await record(4);
    await record(5, () => pickMembers('培养联系人（1–2名本支部正式党员）', 1));
    await clockTo('2026-08-17');
    await record(6);
    await clockTo('2027-01-11');
    await record(6, undefined, 'repeat-step');
    await expect(s.page.getByTestId('person-stage').textContent()).resolves.toBe('入党积极分子');
    await shootBoth(s.page, 'development-person-activist');
  });

  it('refuses the candidate a day short of a year, accepts it on the day', async () => {
    const { page } = s;
    await clockTo('2027-03-15');
    await page.getByTestId('record-step').click();
    await page.getByTestId('step-submit').click();
    await drawer(page)
      .getByText(/满1年后方可确定为发展对象，最早 2027-03-16/)
      .first()
      .waitFor();
    await drawer(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await clockTo('2027-03-16');
    await record(7);
    await expect(page.getByTestId('person-stage').textContent()).resolves.toBe('发展对象');
  });

  it('candidate: filing, two sponsors, political review, training, public notice', async () => {
    await clockTo('2027-03-22');
    await record(8);
    await record(9, () => pickMembers('入党介绍人（2名本支部正式党员）', 2));
    await record(10);
    await clockTo('2027-03-26');
    await record(11, () => drawer(s.page).getByLabel('培训天数', { exact: true }).fill('3'));
    await clockTo('2027-03-29');
    await publishNotice();
    await s.page.getByRole('link', { name: /返回发展看板/ }).click();
    await s.page.getByRole('tab', { name: '公示' }).click();
    await s.page.getByTestId('notice-list').getByText(NAME).waitFor();
    await shootBoth(s.page, 'development-notices');
    await s.page.goto(personUrl);
  });

  it('admission: a batch vote is refused; one candidate at a time; approval puts a probationary member on the ledger', async () => {
    const { page } = s;
    await clockTo('2027-04-06');
    await record(12);
    await record(13);
    await record(14);
    await clockTo('2027-04-12');
    // The demo branch has another person in admission: putting both to one vote is refused.
    await page.getByTestId('record-step').click();
    await drawer(page).getByText('第15步').first().waitFor();
    await vote();
    await pickMembers('本次表决对象', 1);
    await page.getByTestId('step-submit').click();
    await drawer(page)
      .getByText(/逐个表决/)
      .first()
      .waitFor();
    await shootBoth(page, 'development-batch-refused');
    await drawer(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await record(15, vote);
    await shootBoth(page, 'development-person-admitted');
    await clockTo('2027-04-19');
    await record(16);
    await clockTo('2027-05-10');
    await record(17);
    await page.getByTestId('ledger-link').waitFor();
    await expect(page.getByTestId('person-stage').textContent()).resolves.toBe('预备党员接收');
  });

  it('probation: oath, reviews, confirmation notice, the vote on the day probation ends, approval makes a full member', async () => {
    const { page } = s;
    await clockTo('2027-05-17');
    await record(18);
    await record(19);
    await record(20);
    await clockTo('2027-10-11');
    await record(21);
    await clockTo('2028-03-20');
    await record(22);
    await clockTo('2028-03-27');
    await publishNotice();
    await clockTo('2028-04-11');
    await page.getByTestId('record-step').click();
    await vote();
    await page.getByTestId('step-submit').click();
    await drawer(page)
      .getByText(/预备期至 2028-04-12 届满/)
      .first()
      .waitFor();
    await drawer(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await clockTo('2028-04-12');
    await record(23, vote);
    await clockTo('2028-04-20');
    await record(24);
    await record(25);
    await page.getByTestId('person-done').waitFor();
    await shootBoth(page, 'development-person-done');
    await page.setViewportSize(PHONE);
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the ledger shows a full member with both entries in the timeline; plans and key talents show', async () => {
    const { page } = s;
    await page.getByTestId('ledger-link').click();
    await page.waitForURL('**/members/**');
    await page.getByText('预备党员转正').first().waitFor();
    await page.getByText('接收为预备党员（发展党员）').first().waitFor();
    await shootBoth(page, 'development-ledger-member');
    await page.goto('/development?tab=plans');
    await page.getByTestId('plan-chart').waitFor();
    await shootBoth(page, 'development-plans');
    await page.goto('/development?tab=talents');
    await page.getByTestId('talent-list').waitFor();
    await shootBoth(page, 'development-talents');
    // A step form on a phone: the drawer takes the whole screen.
    await page.setViewportSize(PHONE);
    await page.goto('/development');
    await page.getByTestId('stage-activist').getByTestId('board-person').first().click();
    await page.getByTestId('record-step').click();
    await drawer(page)
      .getByText(/第\d+步/)
      .first()
      .waitFor();
    await page.waitForTimeout(500);
    await shoot(page, 'development-step-drawer');
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    expect(s.errors).toEqual([]);
  });

  it('two years on, the district admin’s password has expired: signing in leads only to the change (AUTH-03)', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await signOut(page);
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.waitForURL('**/change-password');
    await page.getByText('密码到期').waitFor();
    await page.goto('/development');
    await page.waitForURL('**/change-password');
    // The demo password is not taken again (it also names the product, which the policy refuses first).
    await fillPasswordChange(page, { current: PASSWORD, next: PASSWORD });
    await page.locator('.ant-form-item-explain-error', { hasText: '密码不能包含常见词或姓名' }).waitFor();
    await shootBoth(page, 'change-password-expired');
    await fillPasswordChange(page, { current: PASSWORD, next: 'Jiangyang#2028-new' });
    await page.getByTestId('workbench').waitFor();
    await page.getByRole('menuitem', { name: '发展党员' }).waitFor();
    expect(s.errors).toEqual([]);
  });
});
