import { z } from 'zod';
import { grantView, usernameSchema } from './auth.js';
import { REACHES, ROLES } from './permissions.js';

const id = z.string().uuid('编号格式不正确');

export const accountListQuery = z
  .object({
    q: z.string().trim().max(40).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const accountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  homeOrgId: z.string().nullable(),
  homeOrgName: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(grantView),
  abilities: z.object({ manage: z.boolean(), grant: z.boolean(), unlock: z.boolean(), revokeSessions: z.boolean() }),
});
export type AccountView = z.infer<typeof accountView>;

export const accountListResponse = z.object({ items: z.array(accountView), total: z.number().int() });
export type AccountListResponse = z.infer<typeof accountListResponse>;

export const createAccountBody = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过30个字'),
    homeOrgId: id.nullable(),
  })
  .strict();

export const createAccountResponse = z.object({ account: accountView, initialPassword: z.string() });
export type CreateAccountResponse = z.infer<typeof createAccountResponse>;
export const resetPasswordResponse = z.object({ temporaryPassword: z.string() });
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponse>;

export const createGrantBody = z
  .object({
    userId: id,
    role: z.enum(ROLES, { error: '请选择角色' }),
    orgId: id.nullable(),
    reach: z.enum(REACHES).default('subtree'),
  })
  .strict();
export const idParams = z.object({ id });
