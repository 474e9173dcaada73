import { Access, type AccessUser, type GrantRow } from '../access/access.js';
import type { Ctx } from '../context.js';
import type { AuditActor } from '../platform/audit/events.js';
import type { Deps } from '../platform/deps.js';
import { type Log, silentLog } from '../platform/log.js';

export interface SystemCaller {
  /** How audit rows name the actor: e.g. "系统导入", "演示数据", "定时任务". */
  name: string;
  /** Acting as an account (the demo seeder acts as the demo committee admin); none for the CLI and jobs. */
  user?: AccessUser;
  grants?: readonly GrantRow[];
  log?: Log;
}

/**
 * The context of an entry that is not an HTTP request: the CLI, a background job, an import job, the demo
 * seeder. Without grants it may do nothing that asks for authority, which is what jobs need.
 */
export function systemCtx(deps: Deps, caller: SystemCaller): Ctx {
  const actor: AuditActor = { id: caller.user?.id ?? null, name: caller.name, role: caller.grants?.[0]?.role ?? null };
  return {
    ...deps,
    access: new Access(deps.db, caller.user ?? null, caller.grants ?? []),
    actor: { actor, ip: null, userAgent: null, requestId: null },
    session: null,
    log: caller.log ?? silentLog,
    requestId: null,
  };
}
