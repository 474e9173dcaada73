import { type RelayProgress, type RelayState, relayState } from '@tongxin/contracts';
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect.js';
import type { RelayTaskTable } from '../../../platform/db/types.js';

export type RelayTaskRow = Selectable<RelayTaskTable> & { release_title: string; account_name: string | null };

export function selectTasks(db: Db | Trx) {
  return db
    .selectFrom('relay_task')
    .innerJoin('official_release', 'official_release.id', 'relay_task.release_id')
    .leftJoin('media_account', 'media_account.id', 'relay_task.media_account_id')
    .selectAll('relay_task')
    .select(['official_release.title as release_title', 'media_account.name as account_name']);
}

export async function findRelease(db: Db | Trx, id: string) {
  return db
    .selectFrom('official_release')
    .innerJoin('hot_event', 'hot_event.id', 'official_release.event_id')
    .innerJoin('org', 'org.id', 'official_release.org_id')
    .selectAll('official_release')
    .select(['hot_event.title as event_title', 'org.name as org_name'])
    .where('official_release.id', '=', id)
    .executeTakeFirst();
}

type StateFields = Pick<RelayTaskRow, 'reported_at' | 'deadline_at' | 'late'>;

/** A reported task keeps the lateness decided when it was reported; an open one is overdue once past its deadline. */
export function taskState(t: StateFields, now: Date): RelayState {
  if (t.reported_at) return Number(t.late) === 1 ? 'late' : 'done';
  return relayState({ reportedAt: null, deadlineAt: t.deadline_at }, now);
}

export function progressOf(tasks: readonly StateFields[], now: Date): RelayProgress {
  const p = { total: tasks.length, open: 0, overdue: 0, done: 0, late: 0 };
  for (const t of tasks) p[taskState(t, now)] += 1;
  return p;
}
