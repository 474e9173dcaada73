import { describe, expect, it } from 'vitest';
import { settled, signIn } from './support/app';
import { horizontalOverflow, PHONE, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const JIANGYANG = '中共泸州市江阳区互联网行业委员会';
const YUNZHI = '泸州云智科技有限公司党支部';

describe('ledger health check: a district admin finds the problems of its ledger and follows one to the record', () => {
  const j = demoJourney();

  it('jiangyang_admin opens 台账体检 from the menu and sees its district’s findings by kind', async () => {
    const { page } = j.s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '台账体检' }).click();
    await page.waitForURL('**/members/health');
    const scope = page.getByTestId('ledger-check-scope');
    await scope.waitFor();
    await expect(scope.textContent()).resolves.toMatch(/已检查 [\d,]+ 名党员/);
    await page.getByTestId('ledger-check-found').waitFor();
    // The demo ledger has members without a phone (about one in 25): their card is there with its count.
    const phoneCard = page.getByTestId('kind-missing_phone');
    await phoneCard.waitFor();
    await expect(phoneCard.textContent()).resolves.toMatch(/未登记联系电话\d+/);
    // Every link goes to the record or the org to fix, and no other district appears.
    const table = page.getByTestId('ledger-findings');
    await expect(table.textContent()).resolves.not.toContain('龙马潭');
    await shootBoth(page, 'ledger-check');
    // For the report only (no timing assert): how long the district's whole check takes on the demo world.
    const started = Date.now();
    const res = await page.request.get('/api/ledger-check');
    expect(res.status()).toBe(200);
    console.log(`ledger check of 江阳 (${(await res.json()).membersChecked} members): ${Date.now() - started} ms round trip`);
  });

  it('shows one kind at a time and follows a finding to the member’s record', async () => {
    const { page } = j.s;
    await page.getByTestId('kind-missing_phone').click();
    await page.waitForURL('**/members/health?kind=missing_phone');
    const rows = page.getByTestId('ledger-findings').locator('tbody tr');
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain('未登记联系电话');
    await shootBoth(page, 'ledger-check-kind');
    const link = page.getByTestId('finding-link').first();
    const name = (await link.textContent())!;
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/members\/[0-9a-f-]{36}$/);
    await link.click();
    await page.waitForURL(`**${href}`);
    await page.getByText(name, { exact: true }).first().waitFor();
  });

  it('narrows the check to one branch with the org picker', async () => {
    const { page } = j.s;
    await page.goto('/members/health');
    await page.getByTestId('ledger-check-scope').waitFor();
    const picker = page.locator('.ant-select').first();
    await picker.click();
    await page.keyboard.type('yz');
    await page
      .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: YUNZHI })
      .first()
      .click();
    await page.waitForURL(/orgId=/);
    await page.getByTestId('ledger-check-scope').getByText(YUNZHI, { exact: false }).waitFor();
    const body = await page.getByTestId('ledger-check-scope').textContent();
    expect(body).not.toContain(JIANGYANG);
    await shootBoth(page, 'ledger-check-branch');
  });

  it('fits a phone without sideways scrolling', async () => {
    const { page } = j.s;
    await page.setViewportSize(PHONE);
    await page.goto('/members/health');
    await page.getByTestId('ledger-check-scope').waitFor();
    await page.waitForTimeout(300);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
