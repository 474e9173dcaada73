import { checkMemberFacts, checkStep, type DevelopmentInput, normaliseMobile, STEP } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { assertMemberOrg } from '../members/create-member.js';
import { findActiveByIdNumber, sealPersonal } from '../members/member.repository.js';
import { pinyinKeys } from '../orgs/pinyin.js';
import {
  actorOf,
  derivedColumns,
  findOpenFileByIdNumber,
  insertDevelopment,
  insertStep,
  RULES,
  refuse,
} from './development.repository.js';

/**
 * Opens a file with the application (step 1): the branch records who applied and when (development.manage at
 * the branch). The ID number and phone are checked as a member's would be and sealed the same way, so the
 * ledger record made on admission carries them unchanged.
 */
export async function createDevelopment(ctx: Ctx, input: DevelopmentInput): Promise<string> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const issues: { field: string; message: string }[] = checkMemberFacts(
    { ...input, joinedOn: input.appliedOn, fullOn: null, status: 'probationary' },
    today,
  ).filter((i) => i.field !== 'joinedOn' && i.field !== 'fullOn');
  const facts = { birthDate: input.birthDate, steps: [], extensionMonths: null, notices: [] };
  for (const i of checkStep(facts, { step: STEP.application, doneOn: input.appliedOn }, today, '')) {
    issues.push({ field: 'appliedOn', message: i.message });
  }
  if (issues.length) refuse(issues);
  const sealed = sealPersonal(ctx.crypto, input.idNumber, input.phone ? normaliseMobile(input.phone) : null);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      await access.authorize('development.manage', input.orgId, '党组织');
      await assertMemberOrg(trx, input.orgId);
      if (await findActiveByIdNumber(trx, sealed.id_number_index)) {
        throw conflict('该身份证号已有在册党员档案，不能再登记入党申请');
      }
      await assertNoOpenFile(trx, sealed.id_number_index);
      const id = uuidv7();
      const at = now.toISOString();
      const keys = pinyinKeys(input.name);
      const steps = [{ step: STEP.application, doneOn: input.appliedOn }];
      await insertDevelopment(trx, {
        id,
        org_id: input.orgId,
        name: input.name,
        name_pinyin: keys.full,
        name_initials: keys.initials,
        gender: input.gender,
        ethnicity: input.ethnicity,
        birth_date: input.birthDate,
        ...sealed,
        education: input.education,
        employer_name: input.employerName,
        position: input.position,
        talent_industry_leader: input.talents.industryLeader ? 1 : 0,
        talent_founder: input.talents.founder ? 1 : 0,
        talent_key_dept_head: input.talents.keyDeptHead ? 1 : 0,
        status: 'active',
        ...derivedColumns({ ...facts, steps }),
        applied_on: input.appliedOn,
        extension_months: null,
        extension_reason: null,
        member_id: null,
        closed_reason: null,
        rules_version: RULES.version,
        created_at: at,
        updated_at: at,
      });
      await insertStep(trx, {
        developmentId: id,
        step: STEP.application,
        doneOn: input.appliedOn,
        actor: actorOf(access),
        note: input.note,
        documents: input.documents,
        detail: {},
        at,
      });
      await ctx.audit.record(trx, ctx.actor, {
        type: 'development.create',
        orgId: input.orgId,
        objectType: 'development',
        objectId: id,
        detail: { name: input.name, idNumber: sealed.id_number_masked, appliedOn: input.appliedOn },
      });
      return id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该身份证号已有进行中的发展党员档案');
    throw e;
  }
}

async function assertNoOpenFile(trx: Parameters<typeof findActiveByIdNumber>[0], index: string) {
  if (await findOpenFileByIdNumber(trx, index)) throw conflict('该身份证号已有进行中的发展党员档案');
}
