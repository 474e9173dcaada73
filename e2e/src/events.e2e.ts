import { describe, expect, it } from 'vitest';
import { choose, pickOrg, signIn } from './support/app';
import { horizontalOverflow, openSession, PHONE, type Session, shoot, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const JIANGYANG = '中共泸州市江阳区互联网行业委员会';
const TITLE = '江阳区“同心”四方沙龙：平台企业用工与合规';
/** A datetime-local value (Beijing wall-clock time) `hours` from now. */
const beijingLocal = (hours: number) => new Date(Date.now() + (8 + hours) * 3600_000).toISOString().slice(0, 16);

describe('events: a salon is planned, two people register, one checks in by code on a phone, the organiser counts by party', () => {
  const j = demoJourney();
  let eventPath = '';
  let member: Session;
  let organiserPhone: Session;
  let code = '';

  it('the district admin plans a salon inviting 江阳区 and adds an enterprise head as a guest', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '活动' }).click();
    await page.waitForURL('**/events');
    await page.getByTestId('event-create').click();
    const d = page.getByRole('dialog').last();
    await d.getByTestId('event-title').fill(TITLE);
    await d.getByTestId('event-start').fill(beijingLocal(1));
    await d.getByTestId('event-end').fill(beijingLocal(4));
    await d.getByTestId('event-place').fill('江阳区党群服务中心二楼多功能厅');
    await d.getByTestId('event-capacity').fill('30');
    await pickOrg(page, d, '邀请组织（含其下级）', '江阳区互联网', JIANGYANG);
    await shootBoth(page, 'event-create');
    await page.getByTestId('event-submit').click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    eventPath = new URL(page.url()).pathname;
    await page.getByTestId('event-title-view').getByText(TITLE).waitFor();
    await page.getByTestId('participant-add').click();
    const modal = page.getByRole('dialog').last();
    await modal.getByTestId('participant-name').fill('王立新');
    await modal.getByLabel('单位', { exact: true }).fill('泸州蓝海网络科技有限公司');
    await page.locator('#participant-add-ok').click();
    await page.getByRole('cell', { name: '王立新' }).waitFor();
  });

  it('the member registers on her phone and gets a QR check-in code', async () => {
    member = await openSession(j.browser, j.server.url, PHONE);
    const { page } = member;
    await signIn(page, 'member', PASSWORD);
    await page.goto(eventPath);
    await page.getByTestId('event-title-view').getByText(TITLE).waitFor({ timeout: 30_000 });
    await page.getByTestId('event-register').click();
    await page.getByTestId('checkin-code-card').waitFor();
    await page.getByTestId('checkin-qr').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'event-member-code');
    // What scanning the QR code gives the organiser's phone: the same signed code (fetched as the page does).
    code = await page.evaluate(async (path) => {
      const res = await fetch(`/api${path}/check-in-code`, { credentials: 'same-origin' });
      return (await res.json()).code as string;
    }, eventPath);
    expect(code.split('.')).toHaveLength(6);
  });

  it('the secretary registers as an enterprise head on a laptop', async () => {
    const secretary = await openSession(j.browser, j.server.url);
    await signIn(secretary.page, 'secretary', PASSWORD);
    await secretary.page.goto(eventPath);
    await secretary.page.getByTestId('event-title-view').getByText(TITLE).waitFor({ timeout: 30_000 });
    await secretary.page.getByTestId('event-register').waitFor();
    await choose(secretary.page, secretary.page.locator('form#event-register'), '参与者类别', '企业负责人');
    await secretary.page.getByTestId('event-register').click();
    await secretary.page.getByTestId('checkin-code-card').waitFor();
    await secretary.context.close();
  });

  it('the organiser checks the member in by code on a 375-px phone; the same code again is refused', async () => {
    organiserPhone = await openSession(j.browser, j.server.url, PHONE);
    const { page } = organiserPhone;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.goto(`/events/check-in?code=${encodeURIComponent(code)}`);
    await page.getByTestId('checkin-submit').waitFor();
    await shoot(page, 'event-checkin-phone');
    await page.getByTestId('checkin-submit').click();
    await page.getByTestId('checkin-result').getByText('签到成功：刘晓燕（从业人员）').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'event-checkin-done');
    await page.goto(`/events/check-in?code=${encodeURIComponent(code)}`);
    await page.getByTestId('checkin-submit').click();
    await page
      .getByTestId('checkin-error')
      .getByText(/已使用过/)
      .waitFor();
    await shoot(page, 'event-checkin-replay');
    await page.getByTestId('checkin-input').fill(`${code.slice(0, -3)}abc`);
    await page.getByTestId('checkin-submit').click();
    await page
      .getByTestId('checkin-error')
      .getByText(/签到码无效/)
      .waitFor();
  });

  it('the organiser sees the count by category, ticks the guest in, and sees the counts move', async () => {
    const { page } = j.s;
    await page.goto(eventPath);
    const count = (category: string) => page.getByTestId(`count-${category}`).locator('.ant-statistic-content').textContent();
    await expect.poll(() => count('practitioner')).toMatch(/1\s*\/ 1/);
    expect(await count('enterprise_head')).toMatch(/0\s*\/ 2/);
    await page.getByTestId('tick-王立新').click();
    await expect.poll(() => count('enterprise_head')).toMatch(/1\s*\/ 2/);
    await shootBoth(page, 'event-organiser');
  });

  it('the member’s 我的 page on the phone: branch, secretary, the event checked in, hours and dues', async () => {
    const { page } = member;
    await page.goto('/my');
    await page.getByTestId('my-profile').getByText('刘晓燕').waitFor();
    await page.getByTestId('my-profile').getByText('泸州云智科技有限公司党支部').waitFor();
    await page.getByTestId('my-events').getByText(TITLE).waitFor();
    await page.getByTestId('my-events').getByText('已签到').waitFor();
    await page.getByTestId('my-hours').getByText(/学时/).first().waitFor();
    await page.getByTestId('my-dues').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'my-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shoot(page, 'my-phone');
    expect(member.errors).toEqual([]);
    expect(j.s.errors).toEqual([]);
    await member.context.close();
    await organiserPhone.context.close();
  });
});
