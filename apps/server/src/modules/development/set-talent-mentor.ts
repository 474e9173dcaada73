import type { setMentorBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { invalid } from '../../platform/http/errors.js';
import { findFullMember, setKeyTalentMentor } from './talent.repository.js';
import { talentOf } from './talent-subject.js';

/** Names a key talent's mentor (培养联系人): a full member the user can see, never the person themself; audited. */
export async function setTalentMentor(ctx: Ctx, body: z.output<typeof setMentorBody>) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const talent = await talentOf(trx, access, body.subject, at);
    const mentor = await findFullMember(trx, body.mentorMemberId);
    if (!mentor || !(await access.can('member.read', mentor.orgId)))
      throw invalid('mentorMemberId', '培养联系人须是您管理范围内在册的正式党员');
    if (mentor.id === talent.memberId) throw invalid('mentorMemberId', '培养联系人不能是本人');
    await setKeyTalentMentor(trx, talent.id, mentor.id, at);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.talent',
      orgId: talent.orgId,
      objectType: 'key_talent',
      objectId: talent.id,
      detail: { mentor: { id: mentor.id, name: mentor.name } },
    });
  });
  return { ok: true as const };
}
