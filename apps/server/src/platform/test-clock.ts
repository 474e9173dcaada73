import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TestClock } from './clock.js';

/** The env flag that installs a settable clock (end-to-end journeys that walk a year of development). */
export const TEST_CLOCK_FLAG = 'TONGXIN_TEST_CLOCK';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * A settable clock for browser journeys, never in production: with TONGXIN_TEST_CLOCK=1 the server starts on a
 * TestClock (at TONGXIN_TEST_CLOCK_AT, or now) and answers POST /api/test/clock. It refuses to boot with the flag
 * under NODE_ENV=production or when listening anywhere but loopback, so a stray flag cannot reach users.
 * Without the flag nothing is installed and the route does not exist.
 */
export function testClockFromEnv(env: NodeJS.ProcessEnv, host: string): TestClock | null {
  if (!env[TEST_CLOCK_FLAG]) return null;
  if (env.NODE_ENV === 'production') throw new Error(`${TEST_CLOCK_FLAG} 仅用于测试，生产环境（NODE_ENV=production）拒绝启动`);
  if (!LOOPBACK.has(host)) throw new Error(`${TEST_CLOCK_FLAG} 仅用于测试，服务须只监听本机地址（当前 ${host}），拒绝启动`);
  const at = env.TONGXIN_TEST_CLOCK_AT;
  return new TestClock(at ? new Date(at) : new Date());
}

const setBody = z.object({ at: z.string().datetime({ message: '时间格式应为 ISO-8601（如 2026-03-01T02:00:00Z）' }) }).strict();

/** The route that moves the clock; registered only when a TestClock was installed. */
export function installTestClockRoute(app: FastifyInstance, clock: TestClock): void {
  app.post('/api/test/clock', { config: { access: 'public' }, schema: { hide: true, body: setBody } }, async (request) => {
    clock.set((request.body as z.infer<typeof setBody>).at);
    return { now: clock.now().toISOString() };
  });
}
