import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Secure (and the __Host- prefix) as configured (see Config.secureCookies), never from the request's Host
 * header, which the client chooses. 'auto' left unsettled (tests building the app without listening) is plain.
 */
export function cookieIsSecure(_request: FastifyRequest, config: Config): boolean {
  return config.secureCookies === true;
}

/** `tongxin start` settles 'auto' from the address it listens on: secure unless only loopback can reach it. */
export function settleSecureCookies(config: Config, listenHost: string): void {
  if (config.secureCookies === 'auto') config.secureCookies = !LOOPBACK.has(listenHost);
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
