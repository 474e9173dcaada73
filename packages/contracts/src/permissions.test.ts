import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, BUSINESS_PERMISSIONS, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions.js';

describe('permission registry', () => {
  it('AZ-06: the three admin roles have pairwise disjoint permission sets', () => {
    for (const a of ADMIN_ROLES) {
      for (const b of ADMIN_ROLES) {
        if (a === b) continue;
        const shared = ROLE_PERMISSIONS[a].filter((p) => ROLE_PERMISSIONS[b].includes(p));
        expect(shared, `${a} ∩ ${b}`).toEqual([]);
      }
    }
  });
  it('AZ-06: no admin role holds a business permission', () => {
    for (const role of ADMIN_ROLES) {
      expect(ROLE_PERMISSIONS[role].filter((p) => BUSINESS_PERMISSIONS.includes(p))).toEqual([]);
    }
  });
  it('every role uses only registered permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});
