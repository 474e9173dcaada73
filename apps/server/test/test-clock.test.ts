import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { TestClock } from '../src/platform/clock.js';
import { testClockFromEnv } from '../src/platform/test-clock.js';
import { addUser, signIn, testApp } from './support.js';

describe('the settable clock for browser journeys', () => {
  it('is not installed without its flag', () => {
    expect(testClockFromEnv({}, '127.0.0.1')).toBeNull();
  });

  it('refuses to boot under NODE_ENV=production or off loopback', () => {
    expect(() => testClockFromEnv({ TONGXIN_TEST_CLOCK: '1', NODE_ENV: 'production' }, '127.0.0.1')).toThrow(/生产环境/);
    expect(() => testClockFromEnv({ TONGXIN_TEST_CLOCK: '1' }, '0.0.0.0')).toThrow(/本机地址/);
    expect(() => testClockFromEnv({ TONGXIN_TEST_CLOCK: '1' }, '192.168.1.20')).toThrow(/本机地址/);
    const clock = testClockFromEnv({ TONGXIN_TEST_CLOCK: '1', TONGXIN_TEST_CLOCK_AT: '2027-01-04T02:00:00Z' }, '::1');
    expect(clock?.now().toISOString()).toBe('2027-01-04T02:00:00.000Z');
  });

  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('has no route by default: 404 for a signed-in user, 401 before sign-in', async () => {
    await addUser(t.deps, 'someone', [{ role: 'system_admin', orgId: null }]);
    const s = await signIn(t.app, 'someone');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/clock',
      headers: s.headers,
      payload: { at: '2030-01-01T00:00:00Z' },
    });
    expect(res.statusCode).toBe(404);
    const anon = await t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { at: '2030-01-01T00:00:00Z' } });
    expect(anon.statusCode).toBe(401);
  });

  it('moves the clock when installed', async () => {
    const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
    const app = await buildApp({ ...t.deps, clock }, { testClock: clock });
    const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { at: '2027-03-16T02:00:00Z' } });
    expect(res.json()).toEqual({ now: '2027-03-16T02:00:00.000Z' });
    expect(clock.now().toISOString()).toBe('2027-03-16T02:00:00.000Z');
    await app.close();
  });
});
