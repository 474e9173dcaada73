import type { Me } from '@tongxin/contracts';
import { isAdminRole } from '@tongxin/contracts/labels';

/** 三员 accounts (system, security, audit admin) hold no business role. */
export function isAdminOnly(me: Me): boolean {
  return me.grants.length > 0 && me.grants.every((g) => isAdminRole(g.role));
}

/** Where "/" leads when the user has no org tree to land on. */
export function adminHome(me: Me): string | null {
  if (me.grants.some((g) => g.role === 'audit_admin') && me.abilities.audit) return '/admin/audit';
  if (me.abilities.accounts) return '/admin/accounts';
  if (me.abilities.audit) return '/admin/audit';
  return null;
}
