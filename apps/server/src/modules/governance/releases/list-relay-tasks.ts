import type { RelayTask, relayTasksQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { listAttachmentsOf } from '../../attachments/attachment.repository.js';
import { contactEnterpriseIds } from '../governance-access.js';
import { relayerScope } from './relay-access.js';
import { presentTask } from './relay-task.presenter.js';
import { selectTasks } from './release.repository.js';
import { RELAY_SCREENSHOTS } from './release-attachments.js';

/** "My relay tasks": the tasks of the caller's enterprises (a contact) or organisations (governance.relay). */
export async function listRelayTasks(ctx: Ctx, query: z.output<typeof relayTasksQuery>): Promise<{ items: RelayTask[] }> {
  ctx.access.requireAnywhere('org.read');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const own = await contactEnterpriseIds(trx, access);
    const rows = await selectTasks(trx)
      .where((eb) => relayerScope(eb, access, own))
      .$if(query.state === 'todo', (q) => q.where('relay_task.reported_at', 'is', null))
      .orderBy('relay_task.deadline_at', 'desc')
      .orderBy('relay_task.id')
      .limit(100)
      .execute();
    const shots = await listAttachmentsOf(
      trx,
      RELAY_SCREENSHOTS.kind,
      rows.map((t) => t.id),
    );
    return { items: rows.map((t) => presentTask(t, now, shots.get(t.id) ?? [], true)) };
  });
}
