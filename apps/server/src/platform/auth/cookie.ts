import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Secure (and the __Host- prefix) everywhere but plain-HTTP localhost, where browsers would drop it. */
export function cookieIsSecure(request: FastifyRequest, config: Config): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies;
  return !LOCAL_HOSTS.has(request.hostname.replace(/:\d+$/, ''));
}

export function sessionCookieName(request: FastifyRequest, config: Config): string {
  return cookieIsSecure(request, config) ? '__Host-tongxin' : 'tongxin';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(request, config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookieIsSecure(request, config),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(request, config), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookieIsSecure(request, config),
  });
}
