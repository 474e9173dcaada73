import { type TransferReason, transferDates } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { addMemberHistory, listActiveFullMembers, moveMemberToOrg } from '../modules/members/member.repository.js';
import { orgNames } from '../modules/orgs/org.repository.js';
import { addTransferEvent, insertTransfer, issuerKey, settleTransfer } from '../modules/transfers/transfer.repository.js';
import { beijingDate } from '../platform/clock.js';
import type { CryptoProvider } from '../platform/crypto/provider.js';
import type { Trx } from '../platform/db/connect.js';
import { demoMembers } from './members.js';

const DAY = 86_400_000;
const SYSTEM = { id: null, name: 'system' };

interface Options {
  orgIds: Map<string, string>;
  rand: () => number;
  crypto: CryptoProvider;
  usedIdNumbers: Set<string>;
  now: Date;
}

/**
 * A few transfers in every state, so the transfers page has something real on each tab: pending into 龙马潭区
 * (one from 江阳区, one from outside the city), one overdue out of 江阳区, one accepted (the member moved), one out
 * of the city awaiting its receipt, one rejected and one cancelled.
 */
export async function seedDemoTransfers(trx: Trx, o: Options): Promise<number> {
  const org = (key: string) => o.orgIds.get(key)!;
  const daysAgo = (n: number) => beijingDate(new Date(o.now.getTime() - n * DAY));
  const at = (n: number) => new Date(o.now.getTime() - n * DAY).toISOString();
  let seq = 100;
  const letterNo = (prefix: string) => {
    seq += 7;
    return `${prefix}〔${o.now.getUTCFullYear()}〕${seq}号`;
  };
  const picked = new Set<string>();
  const memberOf = async (key: string) => {
    const m = await listActiveFullMembers(trx, org(key), 10);
    const hit = m.find((r) => !picked.has(r.id))!;
    picked.add(hit.id);
    return hit;
  };

  type Plan = {
    direction: 'within' | 'out';
    from: string;
    to?: string;
    external?: string;
    crossProvince?: boolean;
    issuedDaysAgo: number;
    reason: TransferReason;
    prefix: string;
    settled?: { action: 'accept' | 'reject' | 'cancel'; daysAgo: number; note?: string };
  };
  const plans: Plan[] = [
    {
      direction: 'within',
      from: 'jy-jiucheng',
      to: 'lmt-changjiang',
      issuedDaysAgo: 5,
      reason: 'job_change',
      prefix: '江行党转',
    },
    { direction: 'within', from: 'jy-wangxie', to: 'nx-chaye', issuedDaysAgo: 45, reason: 'residence', prefix: '江行党转' },
    {
      direction: 'within',
      from: 'lmt-shanghui',
      to: 'jy-joint2',
      issuedDaysAgo: 20,
      reason: 'job_change',
      prefix: '龙行党转',
      settled: { action: 'accept', daysAgo: 12 },
    },
    {
      direction: 'out',
      from: 'jy-joint1',
      external: '中共成都高新技术产业开发区某软件有限公司支部委员会',
      crossProvince: false,
      issuedDaysAgo: 10,
      reason: 'job_change',
      prefix: '江行党转',
    },
    {
      direction: 'within',
      from: 'hj-lizhi',
      to: 'lx-longcheng',
      issuedDaysAgo: 30,
      reason: 'residence',
      prefix: '合行党转',
      settled: { action: 'reject', daysAgo: 25, note: '该同志尚未与本单位签订劳动合同，请核实后再转' },
    },
    {
      direction: 'within',
      from: 'nx-joint1',
      to: 'lmt-joint1',
      issuedDaysAgo: 15,
      reason: 'job_change',
      prefix: '纳行党转',
      settled: { action: 'cancel', daysAgo: 14, note: '接收组织选错，已重新开具' },
    },
  ];

  for (const p of plans) {
    const member = await memberOf(p.from);
    const issuedOn = daysAgo(p.issuedDaysAgo);
    const dates = transferDates(issuedOn, p.crossProvince ?? false);
    const id = uuidv7();
    await insertTransfer(trx, {
      id,
      direction: p.direction,
      member_id: member.id,
      member_name: member.name,
      id_number_masked: member.id_number_masked,
      from_org_id: member.org_id,
      to_org_id: p.to ? org(p.to) : null,
      external_org_name: p.external ?? null,
      cross_province: p.crossProvince ?? false,
      letter_no: letterNo(p.prefix),
      issuer_key: issuerKey(member.org_id, null),
      issued_on: issuedOn,
      valid_until: dates.validUntil,
      receipt_due: dates.receiptDue,
      reason: p.reason,
      note: null,
      at: at(p.issuedDaysAgo),
      created_by: null,
    });
    await addTransferEvent(trx, { transferId: id, at: at(p.issuedDaysAgo), actor: SYSTEM, action: 'create' });
    if (!p.settled) continue;
    const when = at(p.settled.daysAgo);
    await settleTransfer(
      trx,
      { id },
      {
        status: p.settled.action === 'accept' ? 'accepted' : p.settled.action === 'reject' ? 'rejected' : 'cancelled',
        at: when,
        ...(p.settled.action === 'accept' ? { receiptOn: daysAgo(p.settled.daysAgo) } : {}),
        note: p.settled.note ?? null,
      },
    );
    await addTransferEvent(trx, {
      transferId: id,
      at: when,
      actor: SYSTEM,
      action: p.settled.action,
      note: p.settled.note ?? null,
    });
    if (p.settled.action === 'accept') await moveDemoMember(trx, member.id, member.org_id, org(p.to!), when);
  }

  // Pending from outside the city into 龙马潭区, registered with the full record (held sealed until accepted).
  const [row] = demoMembers(o.rand, o.crypto, o.usedIdNumbers, {
    orgId: org('lmt-xinchuang'),
    employer: '龙马潭区信创软件有限公司',
    count: 1,
    today: daysAgo(0),
    at: at(3),
  });
  const r = row!;
  const issuedOn = daysAgo(3);
  const dates = transferDates(issuedOn, true);
  const external = '中共重庆市渝北区某网络科技有限公司支部委员会';
  const id = uuidv7();
  await insertTransfer(trx, {
    id,
    direction: 'in',
    member_id: null,
    member_name: r.name,
    id_number_enc: r.id_number_enc,
    id_number_index: r.id_number_index,
    id_number_masked: r.id_number_masked,
    phone_enc: r.phone_enc,
    phone_index: r.phone_index,
    phone_masked: r.phone_masked,
    incoming: {
      name: r.name,
      gender: r.gender,
      ethnicity: r.ethnicity,
      birthDate: r.birth_date,
      education: r.education,
      employerName: r.employer_name,
      position: r.position,
      joinedOn: r.joined_on,
      fullOn: r.full_on,
      status: r.status,
      mobility: r.mobility,
      talents: {
        industryLeader: r.talent_industry_leader === 1,
        founder: r.talent_founder === 1,
        keyDeptHead: r.talent_key_dept_head === 1,
      },
      remarks: null,
    },
    from_org_id: null,
    to_org_id: org('lmt-xinchuang'),
    external_org_name: external,
    cross_province: true,
    letter_no: `渝北组转〔${o.now.getUTCFullYear()}〕36号`,
    issuer_key: issuerKey(null, external),
    issued_on: issuedOn,
    valid_until: dates.validUntil,
    receipt_due: dates.receiptDue,
    reason: 'job_change',
    note: '跨省转入，请核对身份证号后接收',
    at: at(3),
    created_by: null,
  });
  await addTransferEvent(trx, { transferId: id, at: at(3), actor: SYSTEM, action: 'create' });
  return plans.length + 1;
}

async function moveDemoMember(trx: Trx, memberId: string, fromId: string, toId: string, at: string) {
  const names = await orgNames(trx, [fromId, toId]);
  const name = (id: string) => names.get(id)!;
  await moveMemberToOrg(trx, memberId, toId, at);
  await addMemberHistory(trx, {
    memberId,
    at,
    actor: SYSTEM,
    action: 'transfer_out',
    reason: `组织关系转出至「${name(toId)}」`,
  });
  await addMemberHistory(trx, {
    memberId,
    at,
    actor: SYSTEM,
    action: 'transfer_in',
    reason: `由「${name(fromId)}」转入`,
    changes: [{ field: '所在党组织', before: name(fromId), after: name(toId) }],
  });
}
