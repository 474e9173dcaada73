import type { setMentorBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { findKeyTalent, findTalentSubject, insertKeyTalent, type KeyTalent } from './talent.repository.js';

type Subject = z.output<typeof setMentorBody>['subject'];

/** The key talent's row, created on first use; the subject must be flagged and managed by the user. */
export async function talentOf(trx: Trx, access: Access, subject: Subject, at: string): Promise<KeyTalent> {
  const isMember = 'memberId' in subject;
  const person = await findTalentSubject(trx, subject);
  if (!person) throw notFound(isMember ? '党员' : '发展党员档案');
  await access.authorize('development.manage', person.orgId, isMember ? '党员' : '发展党员档案');
  if (person.talents.length === 0) throw invalid('subject', '该人员未标记为重点人才（行业领军人才、创业者或关键部门负责人）');
  const of = isMember ? { memberId: person.id } : { developmentId: person.id };
  const existing = await findKeyTalent(trx, of);
  if (existing) return existing;
  return insertKeyTalent(trx, {
    orgId: person.orgId,
    memberId: isMember ? person.id : null,
    developmentId: isMember ? null : person.id,
    at,
  });
}
