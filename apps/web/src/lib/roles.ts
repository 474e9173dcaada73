import type { Me } from '@tongxin/contracts';

/** Where "/" leads when the user has no org tree to land on (the server says what the account may open). */
export function adminHome(me: Me): string | null {
  if (me.abilities.audit) return '/admin/audit';
  if (me.abilities.accounts) return '/admin/accounts';
  return null;
}
