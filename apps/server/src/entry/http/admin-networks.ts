import { BlockList, isIPv6 } from 'node:net';
import { isAdminRole } from '@tongxin/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors.js';

/** The admin consoles: accounts, grants and the audit log. */
const CONSOLE_PREFIXES = ['/api/accounts', '/api/grants', '/api/audit'];

/** ADMIN_NETWORKS ("10.0.0.0/8, 192.168.1.10") as a block list; null when unset (no restriction). */
export function adminNetworks(spec: string | null): BlockList | null {
  if (!spec?.trim()) return null;
  const list = new BlockList();
  for (const raw of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = raw.split('/');
    const type = isIPv6(address!) ? 'ipv6' : 'ipv4';
    try {
      if (prefix === undefined) list.addAddress(address!, type);
      else list.addSubnet(address!, Number(prefix), type);
    } catch {
      throw new Error(`ADMIN_NETWORKS 中的地址无效：${raw}（应为 10.0.0.0/8 这样的网段或单个地址）`);
    }
  }
  return list;
}

const allowed = (list: BlockList, ip: string) =>
  list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4') || (ip.startsWith('::ffff:') && list.check(ip.slice('::ffff:'.length), 'ipv4'));

/**
 * AUTH-12: the 三员 and the admin consoles answer only from the configured networks. From anywhere else a
 * console route, or any route for an account holding a 三员 role, answers 404 as if it did not exist. The
 * client address is Fastify's `request.ip`, which honours X-Forwarded-For only from TRUST_PROXY.
 */
export function installAdminNetworks(app: FastifyInstance, spec: string | null): void {
  const list = adminNetworks(spec);
  if (!list) return;
  app.addHook('preHandler', async (request) => {
    if (allowed(list, request.ip)) return;
    const url = request.routeOptions.url ?? request.url;
    const console = CONSOLE_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
    const adminAccount = request.ctx?.access.grants.some((g) => isAdminRole(g.role)) ?? false;
    if (console || adminAccount) throw new AppError(404, 'not_found', '请求的地址不存在');
  });
}
