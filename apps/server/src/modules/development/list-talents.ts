import type { Ctx } from '../../context.js';
import {
  cultivationRecords,
  type FlaggedPerson,
  flaggedFilesUnder,
  flaggedMembersUnder,
  type KeyTalentWithMentor,
  talentsOf,
} from './talent.repository.js';

const LIMIT = 200;

/**
 * The key-talent list (列出名单、重点培养) under an org: ledger members flagged as industry leaders, founders or
 * heads of key departments, and people in development flagged the same way, each with their mentor and
 * cultivation record.
 */
export async function listTalents(ctx: Ctx, orgId: string) {
  const access = ctx.access;
  await access.authorize('development.read', orgId, '党组织');
  // Ledger members are listed to those who read both the ledger and development there.
  const members = await flaggedMembersUnder(
    ctx.db,
    orgId,
    [access.scope('member.read', 'member.org_id'), access.scope('development.read', 'member.org_id')],
    LIMIT + 1,
  );
  const files = await flaggedFilesUnder(ctx.db, orgId, access.scope('development.read', 'development.org_id'), LIMIT + 1);
  const talents = await talentsOf(
    ctx.db,
    members.map((m) => m.id),
    files.map((f) => f.id),
  );
  const records = await cultivationRecords(
    ctx.db,
    talents.map((t) => t.id),
  );
  const extra = (t: KeyTalentWithMentor | undefined) => ({
    mentorName: t?.mentorName ?? null,
    records: records.filter((r) => r.talentId === t?.id).map((r) => ({ on: r.on, content: r.content, actorName: r.actorName })),
  });
  const item = (p: FlaggedPerson, source: 'development' | 'member', t: KeyTalentWithMentor | undefined) => ({
    subject: source === 'development' ? { developmentId: p.id } : { memberId: p.id },
    name: p.name,
    orgId: p.orgId,
    orgName: p.orgName,
    source,
    talents: p.talents,
    stage: p.stage,
    ...extra(t),
  });
  const items = [
    ...files.slice(0, LIMIT).map((f) =>
      item(
        f,
        'development',
        talents.find((t) => t.developmentId === f.id),
      ),
    ),
    ...members.slice(0, LIMIT).map((m) =>
      item(
        m,
        'member',
        talents.find((t) => t.memberId === m.id),
      ),
    ),
  ];
  return { items, truncated: members.length > LIMIT || files.length > LIMIT };
}
