import {
  beijingDay,
  type FREQUENCIES,
  frequencyFor,
  MEETING_BRANCH_KINDS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
  monthBit,
  periodOf,
} from '@tongxin/contracts';
import { sql } from 'kysely';
import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { loadOverrides } from './meeting-rules.repository.js';

const LIMIT = 50;
const PERIOD_WORD = { month: '本月', quarter: '本季度', year: '今年' } as const satisfies Record<
  (typeof FREQUENCIES)[number],
  string
>;

/**
 * To-do source (issue #4 point 6): a meeting kind due this period and not yet held, for the branches where the
 * user plans and records meetings (meeting.manage). A committee whose scope holds more branches than a list
 * can show gets one item per kind pointing at the compliance grid instead. Three small queries, bounded.
 */
export const meetingsDueTodos: TodoSource = async ({ trx, access, today }) => {
  if (!access.holdsAnywhere('meeting.manage')) return [];
  const year = Number(today.slice(0, 4));
  const branches = await trx
    .selectFrom('org as o')
    .select([
      'o.id',
      'o.name',
      'o.founded_on',
      'o.created_at',
      sql<number>`case when exists (select 1 from org as g where g.parent_id = o.id and g.status = 'active' and g.kind = 'group') then 1 else 0 end`.as(
        'has_groups',
      ),
    ])
    .where('o.kind', 'in', MEETING_BRANCH_KINDS)
    .where('o.status', '=', 'active')
    .where(access.within('meeting.manage', 'o.id'))
    .orderBy('o.name_pinyin')
    .limit(LIMIT + 1)
    .execute();
  if (branches.length === 0) return [];
  const overrides = await loadOverrides(trx);
  const periods = new Map(MEETING_KINDS.map((k) => [k, periodOf(today, frequencyFor(k, year, overrides))]));
  const frequencyWord = (kind: MeetingKind) => PERIOD_WORD[frequencyFor(kind, year, overrides)];

  if (branches.length > LIMIT) {
    // Too many branches to list: one pointer per kind to the grid, where the gaps are.
    return MEETING_KINDS.map((kind) => ({
      kind: 'meeting-due',
      title: `查看下级支部${frequencyWord(kind)}${MEETING_KIND_LABELS[kind]}召开情况`,
      detail: `${periods.get(kind)!.end} 前应召开`,
      href: `/meetings/compliance?kind=${kind}`,
      due: periods.get(kind)!.end,
    }));
  }
  const tallies = await trx
    .selectFrom('meeting_year')
    .select(['branch_id', 'kind', 'held_months'])
    .where('year', '=', year)
    .where(
      'branch_id',
      'in',
      branches.map((b) => b.id),
    )
    .execute();
  const held = new Map(tallies.map((t) => [`${t.branch_id}|${t.kind}`, Number(t.held_months)]));
  const items: TodoItem[] = [];
  for (const b of branches) {
    const measuredFrom = b.founded_on ?? beijingDay(b.created_at);
    for (const kind of MEETING_KINDS) {
      if (kind === 'group_meeting' && Number(b.has_groups) !== 1) continue;
      const p = periods.get(kind)!;
      if (measuredFrom > p.start) continue;
      const mask = p.months.reduce((bits, m) => bits | monthBit(m), 0);
      if ((held.get(`${b.id}|${kind}`) ?? 0) & mask) continue;
      items.push({
        kind: 'meeting-due',
        title: `${b.name}${frequencyWord(kind)}尚未召开${MEETING_KIND_LABELS[kind]}`,
        detail: `${p.end} 前应召开`,
        href: `/meetings?orgId=${b.id}&plan=${kind}`,
        due: p.end,
        orgId: b.id,
      });
    }
  }
  items.sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  return items.slice(0, LIMIT);
};
