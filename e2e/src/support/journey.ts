import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launch, openSession, type Session, shootFailure } from './browser';
import { startServer, type TestServer } from './server';

export interface Journey {
  server: TestServer;
  browser: Browser;
  s: Session;
}

/**
 * One journey's world, for a `describe` block: a server of its own on the demo world, Chromium and one session,
 * set up before the first step and torn down after the last; a failed step leaves a screenshot.
 */
export function demoJourney(): Journey {
  const j = {} as Journey;
  beforeAll(async () => {
    j.server = await startServer({ demo: true });
    j.browser = await launch();
    j.s = await openSession(j.browser, j.server.url);
  });
  afterEach(async (ctx) => shootFailure(j.s?.page, ctx));
  afterAll(async () => {
    await j.browser?.close();
    await j.server?.stop();
  });
  return j;
}
