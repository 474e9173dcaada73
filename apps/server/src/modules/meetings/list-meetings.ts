import type { meetingListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { presentSummary } from './meeting.presenter.js';
import { listMeetingPage, loadMeetingCounts } from './meeting-list.repository.js';

type Query = z.output<typeof meetingListQuery>;

/**
 * Meetings of an org and everything under it (a committee sees its branches' meetings), newest first,
 * through the user's meeting scope (AZ-03); the calendar asks for a date range.
 */
export async function listMeetings(ctx: Ctx, query: Query) {
  const access = ctx.access;
  await access.authorize('meeting.read', query.orgId);
  const { items, total } = await listMeetingPage(
    ctx.db,
    { ...query, scope: access.scope('meeting.read', 'meeting.org_id') },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const counts = await loadMeetingCounts(
    ctx.db,
    items.map((m) => m.id),
  );
  return {
    items: items.map((m) => presentSummary(m, counts)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
