import type { FastifyInstance, RouteOptions } from 'fastify';

export type RouteAccess = 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route (AZ-01): the server refuses to boot without it. */
    access?: RouteAccess;
    /** Reachable while the account must still change its password (the change itself, me, logout). */
    allowPendingCredentials?: boolean;
  }
}

export interface RouteRecord {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * AZ-01: every route, whatever its prefix (API, OpenAPI UI, the built web app's files), states who may call it,
 * or the server does not start. Also keeps the route list (`app.routeRegistry`) for the snapshot and the
 * route-completeness test.
 *
 * The check runs when the app gets ready, not as each route is added: Fastify runs a parent's onRoute hooks
 * before those a plugin scope adds, so a scope's own declaration (`declareAccess` below) is only visible once
 * every hook has run. An onReady hook that throws makes `app.ready()` — and so `buildApp` — reject.
 */
export function enforceRouteAccess(app: FastifyInstance, registry: RouteRecord[]): void {
  // Fastify hands every onRoute hook the same options object, so reading `config` later sees every declaration.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const undeclared: string[] = [];
    for (const route of routes) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const access = route.config?.access;
      if (access !== 'public' && access !== 'signed-in') {
        // The HEAD route Fastify derives from a GET route repeats that route's missing declaration.
        if (!(methods.length === 1 && methods[0] === 'HEAD' && undeclared.includes(`GET ${route.url}`)))
          undeclared.push(`${methods.join(',')} ${route.url}`);
        continue;
      }
      for (const method of methods) if (method !== 'HEAD') registry.push({ method, url: route.url, access });
    }
    if (undeclared.length > 0) {
      throw new Error(`路由 ${undeclared.join('；')} 未声明 config.access（public 或 signed-in），拒绝启动`);
    }
  });
}

/**
 * Declares the access of every route that a third-party plugin (which cannot take our `config`) registers.
 * Call it on an encapsulated scope that wraps just that plugin:
 *
 *   await app.register(async (docs) => {
 *     declareAccess(docs, 'public');
 *     await docs.register(swaggerUi, { routePrefix: '/api/docs' });
 *   });
 *
 * Fastify runs a scope's onRoute hooks only for routes registered in that scope and its children, so the
 * declaration covers exactly that plugin's routes and sits where the plugin is registered; a route that already
 * declares its access keeps it.
 */
export function declareAccess(scope: FastifyInstance, access: RouteAccess): void {
  scope.addHook('onRoute', (route: RouteOptions) => {
    if (route.config?.access === undefined) route.config = { ...route.config, access };
  });
}
