import {
  beijingDay,
  type FREQUENCIES,
  frequencyFor,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
  monthBit,
  periodOf,
} from '@tongxin/contracts';
import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { isAsked } from './compliance-data.js';
import { heldMonths, listScopedBranches } from './meeting-branches.repository.js';
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
  const branches = await listScopedBranches(trx, access.within('meeting.manage', 'o.id'), LIMIT + 1);
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
  const held = await heldMonths(
    trx,
    year,
    branches.map((b) => b.id),
  );
  const items: TodoItem[] = [];
  for (const b of branches) {
    const measuredFrom = b.foundedOn ?? beijingDay(b.createdAt);
    for (const kind of MEETING_KINDS) {
      if (!isAsked(kind, b)) continue;
      const p = periods.get(kind)!;
      if (measuredFrom > p.start) continue;
      const mask = p.months.reduce((bits, m) => bits | monthBit(m), 0);
      if ((held.get(`${b.id}|${kind}`) ?? 0) & mask) continue;
      items.push({
        kind: 'meeting-due',
        title: `${b.name}${frequencyWord(kind)}尚未召开${MEETING_KIND_LABELS[kind]}`,
        detail: `${p.end} 前应召开`,
        // A group meeting is planned at one of the branch's groups: the link lists the branch's group meetings.
        href: kind === 'group_meeting' ? `/meetings?orgId=${b.id}&kind=${kind}` : `/meetings?orgId=${b.id}&plan=${kind}`,
        due: p.end,
        orgId: b.id,
      });
    }
  }
  items.sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  return items.slice(0, LIMIT);
};
