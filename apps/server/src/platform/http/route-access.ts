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
  access: string;
}

/** Routes that plugins register for us and that are public by nature: the OpenAPI UI and the built web app's files. */
function pluginPublic(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/') || !url.startsWith('/api');
}

/** AZ-01: every API route states who may call it, or the server does not start. Also keeps the list for the snapshot test. */
export function enforceRouteAccess(app: FastifyInstance, registry: RouteRecord[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access;
    if (access === undefined && pluginPublic(route.url)) {
      access = 'public';
      route.config = { ...route.config, access };
    }
    if (access !== 'public' && access !== 'signed-in') {
      throw new Error(`路由 ${methods.join(',')} ${route.url} 未声明 config.access（public 或 signed-in），拒绝启动`);
    }
    for (const method of methods) if (method !== 'HEAD') registry.push({ method, url: route.url, access });
  });
}
