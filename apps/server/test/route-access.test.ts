import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { testDeps } from './support.js';

// A module that forgets to declare a route's access: the todos module registers whatever `extra` adds.
const extra = vi.hoisted(() => ({ routes: null as ((app: FastifyInstance) => void) | null }));
vi.mock(import('../src/modules/todos/todos.routes.js'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    todoRoutes: async (app, options) => {
      await real.todoRoutes(app, options);
      extra.routes?.(app as unknown as FastifyInstance);
    },
  };
});

let env: Awaited<ReturnType<typeof testDeps>>;
beforeAll(async () => {
  env = await testDeps();
});
afterAll(() => env.close());
beforeEach(() => {
  extra.routes = null;
});

describe('AZ-01: buildApp refuses to boot when a route does not declare its access', () => {
  it('an API route without config.access', async () => {
    extra.routes = (app) => app.get('/api/forgotten', async () => ({}));
    await expect(buildApp(env.deps)).rejects.toThrow('路由 GET /api/forgotten 未声明 config.access');
  });

  it('a route outside /api without config.access (no prefix is public by default)', async () => {
    extra.routes = (app) => app.get('/forgotten.html', async () => 'x');
    await expect(buildApp(env.deps)).rejects.toThrow('路由 GET /forgotten.html 未声明 config.access');
  });

  it('an invalid declaration', async () => {
    extra.routes = (app) => app.post('/api/forgotten', { config: { access: 'everyone' as 'public' } }, async () => ({}));
    await expect(buildApp(env.deps)).rejects.toThrow(/POST \/api\/forgotten 未声明/);
  });

  it("plugins' routes (OpenAPI UI, the web app's files) are declared public where they are registered", async () => {
    const webRoot = path.join(env.dir, 'web');
    fs.mkdirSync(webRoot, { recursive: true });
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>同心</title>');
    fs.writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)');
    const app = await buildApp(env.deps, { webRoot });
    try {
      const plugin = app.routeRegistry.filter((r) => !r.url.startsWith('/api/') || r.url.startsWith('/api/docs'));
      expect(plugin.map((r) => `${r.method} ${r.url}`)).toEqual(
        expect.arrayContaining(['GET /api/docs/', 'GET /api/docs/json', 'GET /api/docs/static/*', 'GET /app.js', 'GET /*']),
      );
      for (const route of plugin) expect(route.access).toBe('public');
      expect((await app.inject({ method: 'GET', url: '/app.js' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/members' })).body).toContain('同心');
      // The declaration covers only those plugins' scopes: the API stays signed-in.
      expect((await app.inject({ method: 'GET', url: '/api/todos' })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
