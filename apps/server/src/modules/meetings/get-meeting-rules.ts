import { DEFAULT_FREQUENCIES, MEETING_RULES_VERSION } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { listMeetingRules } from './meeting-rules.repository.js';
import { canEditRules } from './meeting-rules-editor.js';

/** GET /api/meetings/rules: the default frequencies, the city's overrides, and whether this user may change them. */
export async function getMeetingRules(ctx: Ctx) {
  ctx.access.requireAnywhere('meeting.read');
  const overrides = await listMeetingRules(ctx.db);
  return {
    version: MEETING_RULES_VERSION,
    defaults: DEFAULT_FREQUENCIES,
    overrides,
    canEdit: await canEditRules(ctx.db, ctx.access),
  };
}
