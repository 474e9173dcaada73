import zlib from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

/**
 * Loads `path` in a fresh page of a signed-in context and adds up the JavaScript it fetched, gzipped
 * (what a compressing proxy would send): the "first screen after sign-in" budget.
 */
export async function firstScreenJs(
  context: BrowserContext,
  path: string,
  ready: string,
): Promise<{ files: number; gzipBytes: number; rawBytes: number }> {
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script' || res.url().endsWith('.js')) bodies.push(res.body());
  });
  await page.goto(path);
  await page.getByTestId(ready).waitFor();
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(bodies);
  await page.close();
  return {
    files: all.length,
    rawBytes: all.reduce((n, b) => n + b.length, 0),
    gzipBytes: all.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0),
  };
}
