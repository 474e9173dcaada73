import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD, type Session, signIn, testApp } from './support.js';

/**
 * The access matrix of the routes that are not about an org: the public ones, marked `(public)`, and those any
 * signed-in account calls about itself, marked `(own)` (see matrix-coverage.ts for the marks).
 */
let t: Awaited<ReturnType<typeof testApp>>;
let counter = 0;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function freshAccount(): Promise<Session> {
  counter += 1;
  await addUser(t.deps, `own_${counter}`, []);
  return signIn(t.app, `own_${counter}`);
}
const call = (session: Session | null, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}) });

describe('public routes (public)', () => {
  it.each([
    ['GET /api/health', 200, '/api/health'],
    ['GET /api/docs/', 200, '/api/docs/'],
    ['GET /api/docs/json', 200, '/api/docs/json'],
    ['GET /api/docs/yaml', 200, '/api/docs/yaml'],
    // swagger-ui sends its index page's address on to the UI's root.
    ['GET /api/docs/static/index.html', 302, '/api/docs/static/index.html'],
    ['GET /api/docs/static/swagger-initializer.js', 200, '/api/docs/static/swagger-initializer.js'],
    ['GET /api/docs/static/*', 200, '/api/docs/static/swagger-ui.css'],
  ])('%s — anonymous → %i (public)', async (_route, status, url) => {
    expect((await call(null, 'GET', url)).statusCode).toBe(status);
  });

  it('POST /api/auth/login — anonymous with the right password → 200 (public)', async () => {
    await addUser(t.deps, 'own_login', []);
    const res = await call(null, 'POST', '/api/auth/login', { username: 'own_login', password: PASSWORD });
    expect(res.statusCode).toBe(200);
  });
});

describe('routes about the caller itself (own)', () => {
  describe.each([
    ['GET', '/api/auth/me'],
    ['GET', '/api/auth/sessions'],
    ['GET', '/api/todos'],
    ['POST', '/api/auth/logout'],
  ])('%s %s', (method, url) => {
    it('anonymous → 401 (own)', async () => {
      expect((await call(null, method, url)).statusCode).toBe(401);
    });
    it('a signed-in account → 200 (own)', async () => {
      expect((await call(await freshAccount(), method, url)).statusCode).toBe(200);
    });
  });

  describe('POST /api/auth/change-password', () => {
    const body = { currentPassword: PASSWORD, newPassword: 'Xin#Mima-2026-own' };
    it('anonymous → 401 (own)', async () => {
      expect((await call(null, 'POST', '/api/auth/change-password', body)).statusCode).toBe(401);
    });
    it('a signed-in account, its own password → 200 (own)', async () => {
      expect((await call(await freshAccount(), 'POST', '/api/auth/change-password', body)).statusCode).toBe(200);
    });
  });

  describe('DELETE /api/auth/sessions/:id', () => {
    const handle = async (session: Session) => (await call(session, 'GET', '/api/auth/sessions')).json().items[0].id as string;
    it('anonymous → 401', async () => {
      expect((await call(null, 'DELETE', `/api/auth/sessions/${'0'.repeat(16)}`)).statusCode).toBe(401);
    });
    it('its own session → 200', async () => {
      const session = await freshAccount();
      const other = await signIn(t.app, `own_${counter}`);
      expect((await call(session, 'DELETE', `/api/auth/sessions/${await handle(other)}`)).statusCode).toBe(200);
    });
    it("another account's session → 404", async () => {
      const victim = await freshAccount();
      const res = await call(await freshAccount(), 'DELETE', `/api/auth/sessions/${await handle(victim)}`);
      expect(res.statusCode).toBe(404);
      expect((await call(victim, 'GET', '/api/auth/me')).statusCode).toBe(200);
    });
  });
});
