import type { FastifyBaseLogger } from 'fastify';
import { CHECKPOINT_INTERVAL_MS, checkpointFile, writeCheckpoint } from '../platform/audit/checkpoint.js';
import { AUDIT_SHIP_INTERVAL_MS, shipAuditLog } from '../platform/audit/ship-audit.js';
import { disableInactiveAccounts, INACTIVE_CHECK_INTERVAL_MS } from '../platform/auth/inactive-accounts.js';
import { purgeStaleAuthRows } from '../platform/auth/purge-stale.js';
import type { Deps } from '../platform/deps.js';

/**
 * What the running server does on its own: every 6 hours the inactive-account check (AUTH-11) and the purge of
 * stale sign-in rows (DP-11); every 10 seconds, when AUDIT_SINK_FILE is set, the audit log's copy (AUD-07).
 * Daily, with the copy, a signed checkpoint of the audit chain (AUD-03). Each runs once at start. `stop` ships the last audit entries before the server closes its database.
 */
export async function startBackgroundJobs(deps: Deps, log: FastifyBaseLogger) {
  const housekeeping = () =>
    disableInactiveAccounts(deps)
      .then((names) => names.length && log.info({ accounts: names.length }, 'inactive accounts disabled'))
      .then(() => purgeStaleAuthRows(deps))
      .catch((err: unknown) => log.error({ err }, 'account housekeeping failed'));
  const sink = deps.config.auditSinkFile;
  // One copy at a time: a slow sink must not have two runs appending the same entries.
  let shipping: Promise<unknown> = Promise.resolve();
  const ship = () => {
    if (!sink) return Promise.resolve();
    shipping = shipping
      .then(() => shipAuditLog(deps.db, sink))
      .catch((err: unknown) => log.error({ err, sink }, 'audit log copy failed; retried in 10 seconds'));
    return shipping;
  };
  // AUD-03: a signed checkpoint of the chain's head beside the copy, daily and at start.
  const checkpoint = () =>
    sink
      ? writeCheckpoint(deps, checkpointFile(sink)).catch((err: unknown) => log.error({ err }, 'audit checkpoint failed'))
      : Promise.resolve();
  await housekeeping();
  // The checkpoint first, so its own audit entry goes out with this copy.
  await checkpoint();
  await ship();
  const timers = [
    setInterval(housekeeping, INACTIVE_CHECK_INTERVAL_MS),
    setInterval(ship, AUDIT_SHIP_INTERVAL_MS),
    setInterval(checkpoint, CHECKPOINT_INTERVAL_MS),
  ];
  for (const timer of timers) timer.unref();
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await ship();
    },
  };
}
