import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut } from './support/app';
import { launch, openSession, type Session, shootBoth, shootFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';
const top = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));
const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const START = new Date();
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Five-star rating, a full round: the secretary of 云智 rates the branch with evidence (refused first without
 * it, naming the rule), 江阳区 reviews with an adjustment and its reason beside the evidence, the city approves,
 * publishes the result for 公示, and after the notice period (the server's test clock moved 8 days) publishes the
 * star level, which then shows on the org page and in the star map.
 */
describe('five-star rating: self-rating → review → approval → 公示 → published stars', () => {
  let server: TestServer;
  let browser: Browser;
  let s: Session;
  let ratingUrl = '';
  let roundUrl = '';
  beforeAll(async () => {
    server = await startServer({
      demo: true,
      env: {
        TONGXIN_TEST_CLOCK: '1',
        TONGXIN_TEST_CLOCK_AT: START.toISOString(),
        SESSION_IDLE_MINUTES: '5000000',
        SESSION_ADMIN_IDLE_MINUTES: '5000000',
        SESSION_ABSOLUTE_HOURS: '100000',
      },
    });
    browser = await launch();
    s = await openSession(browser, server.url);
    // Five sign-ins and a publication on a shared 2-core machine: allow slow steps.
    s.page.setDefaultTimeout(45_000);
  });
  afterEach(async (ctx) => shootFailure(s?.page, ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the secretary sees the open round and its branch, with facts from the ledger', async () => {
    const { page } = s;
    await signIn(page, 'secretary', PASSWORD);
    await page.getByRole('menuitem', { name: '五星创评' }).click();
    await page.waitForURL('**/ratings');
    await page.locator('.ant-table-row', { hasText: '评定中' }).first().waitFor();
    await shootBoth(page, 'ratings-rounds');
    await page.locator('.ant-table-row', { hasText: '评定中' }).getByTestId('round-link').click();
    await page.waitForURL(/\/ratings\/rounds\//);
    roundUrl = page.url();
    await page.getByTestId('rating-link').getByText(YUNZHI).click();
    await page.waitForURL(/\/ratings\/[0-9a-f-]{36}$/);
    ratingUrl = page.url();
    await page.getByText('正式党员（人）').waitFor();
    await page.getByTestId('self-leadership').waitFor();
  });

  it('refuses a submission without the required evidence, naming the rule; then submits with evidence', async () => {
    const { page } = s;
    const points: Record<string, number> = {
      leadership: 15,
      backbone: 14,
      venue: 9,
      system: 14,
      support: 9,
      performance: 22,
      evaluation: 9,
      innovation: 4,
    };
    for (const [key, value] of Object.entries(points)) {
      const input = page.getByTestId(`self-${key}`);
      await input.fill(String(value));
    }
    await page.getByTestId('rating-total').getByText('96分').waitFor();
    await page.getByTestId('self-submit').click();
    await page.getByTestId('rating-error').getByText('「领导班子」须上传佐证材料').waitFor();
    await top(page);
    await shootBoth(page, 'rating-self-refused');
    for (const key of ['leadership', 'backbone', 'venue', 'system', 'performance', 'evaluation', 'innovation']) {
      await page
        .getByTestId(`evidence-${key}`)
        .locator('input[type=file]')
        .setInputFiles({ name: `${key}佐证.pdf`, mimeType: 'application/pdf', buffer: pdf() });
      await page.getByTestId(`evidence-${key}`).getByText(`${key}佐证.pdf`).waitFor();
    }
    await top(page);
    await shootBoth(page, 'rating-self-form');
    await page.getByTestId('self-submit').click();
    await page.getByTestId('rating-status').getByText('已自评').waitFor();
  });

  it('江阳区 reviews beside the evidence: an adjustment needs its reason', async () => {
    const { page } = s;
    await signOut(page);
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.goto(ratingUrl);
    await page.getByTestId('review-venue').waitFor();
    await page.getByRole('link', { name: 'venue佐证.pdf' }).waitFor();
    await page.getByTestId('review-venue').fill('7');
    await page.getByTestId('review-opinion').fill('经实地查看，同意自评，活动阵地酌情扣分。');
    await page.getByTestId('review-submit').click();
    await page.getByTestId('rating-error').getByText('「活动阵地」的得分与自评不同，请填写调整理由').waitFor();
    await page.getByTestId('reason-venue').fill('活动室与会议室共用，标识不全');
    await top(page);
    await shootBoth(page, 'rating-review');
    await page.getByTestId('review-submit').click();
    await page.getByTestId('rating-status').getByText('已审核').waitFor();
  });

  it('the city approves at five stars and starts 公示', async () => {
    const { page } = s;
    await signOut(page);
    await signIn(page, 'city_admin', PASSWORD);
    await page.goto(ratingUrl);
    await page.getByTestId('approve-submit').waitFor();
    await page.getByTestId('rating-total').getByText('94分').waitFor();
    await page.getByTestId('approve-submit').click();
    await page.getByTestId('rating-status').getByText('已审定').waitFor();
    await page.goto(roundUrl);
    await page.getByTestId('round-notice').click();
    await page.getByTestId('round-status').getByText('公示中').waitFor();
    await shootBoth(page, 'rating-round-notice');
  });

  it('after the notice period the stars are published and show on the org page and the star map', async () => {
    const { page, context } = s;
    const later = new Date(START.getTime() + 8 * 86_400_000);
    const moved = await context.request.post('/api/test/clock', { data: { at: later.toISOString() } });
    expect(moved.ok()).toBe(true);
    expect(beijingDay(later) > beijingDay(START)).toBe(true);
    await page.goto(roundUrl);
    await page.getByTestId('round-publish').click();
    await page.getByTestId('round-status').getByText('已发布').waitFor();
    await shootBoth(page, 'rating-round-published');
    const detail = await (await context.request.get(ratingUrl.replace('/ratings/', '/api/ratings/'))).json();
    await page.goto(`/orgs/${detail.orgId}`);
    const stars = page.getByTestId('org-stars');
    await stars.waitFor({ timeout: 45_000 });
    await expect(stars.locator('[data-stars]').first().getAttribute('data-stars')).resolves.toBe('5');
    await stars.getByText(/有效期至/).waitFor();
    await shootBoth(page, 'org-page-stars');
  }, 240_000);

  it('the star map, showcases and incubation, and the rubric editor', async () => {
    const { page } = s;
    await page.goto('/ratings');
    await page.locator('.ant-table-row', { hasText: '已发布' }).first().waitFor();
    await shootBoth(page, 'ratings-rounds-city');
    await page.goto('/ratings?tab=map');
    await page.getByTestId('star-map').waitFor();
    await shootBoth(page, 'ratings-star-map');
    await page.goto('/ratings?tab=showcases');
    await page.getByTestId('showcases').waitFor();
    await shootBoth(page, 'ratings-showcases');
    await page.goto(`/ratings/rubrics/default-2026`);
    await page.getByTestId('threshold-5').waitFor();
    await shootBoth(page, 'ratings-rubric');
    expect(s.errors).toEqual([]);
  }, 240_000);
});
