import { type Education, idNumberCheckChar } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { insertMembers, memberColumns, sealPersonal } from '../modules/members/member.repository.js';
import type { CryptoProvider } from '../platform/crypto/provider.js';
import type { Trx } from '../platform/db/connect.js';
import { personName } from './names.js';

/** Luzhou's county-level area codes (GB/T 2260), so demo ID numbers look local. */
const AREAS = ['510502', '510503', '510504', '510521', '510522', '510524', '510525'];
const POSITIONS = [
  '软件工程师',
  '产品经理',
  '运营专员',
  '市场经理',
  '客服主管',
  '主播',
  '设计师',
  '财务',
  '行政主管',
  '总经理',
  '技术总监',
  null,
];
const EDUCATION_WEIGHTS: [Education, number][] = [
  ['doctor', 0.01],
  ['master', 0.1],
  ['bachelor', 0.52],
  ['college', 0.25],
  ['secondary', 0.05],
  ['high_school', 0.05],
  ['junior_or_below', 0.02],
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

export interface DemoMemberOptions {
  orgId: string;
  employer: string;
  count: number;
  today: string;
  at: string;
  /** People who must be in this branch (demo accounts): their names and genders. */
  named?: { name: string; gender: 'male' | 'female' }[];
}

/**
 * Fictional members with well-formed ID numbers (valid checksums, birth date and gender agreeing) and mobiles.
 * A few carry what real ledgers carry: no phone, an overdue probation, a legacy ID with a bad check digit.
 */
export function demoMembers(rand: () => number, crypto: CryptoProvider, used: Set<string>, o: DemoMemberOptions) {
  const todayMs = Date.parse(`${o.today}T00:00:00Z`);
  return Array.from({ length: o.count }, (_, i) => {
    const fixed = o.named?.[i];
    const gender = fixed?.gender ?? (rand() < 0.58 ? 'male' : 'female');
    const name = fixed?.name ?? personName(rand);
    const birthMs = todayMs - Math.floor((22 + rand() * 40) * 365.25 * DAY);
    const birth = isoDay(birthMs);
    let idNumber: string;
    do {
      const seq = Math.floor(rand() * 500) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${AREAS[Math.floor(rand() * AREAS.length)]}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
      idNumber = first17 + idNumberCheckChar(first17);
    } while (used.has(idNumber));
    used.add(idNumber);
    // About one in 150 came from the old paper ledger with a wrong check digit: the health check finds them.
    if (!fixed && rand() < 0.007) idNumber = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    const eighteenthMs = birthMs + 18 * 365.25 * DAY + DAY;
    const joinedMs = eighteenthMs + rand() * Math.max(DAY, todayMs - eighteenthMs - 30 * DAY);
    const joinedOn = isoDay(joinedMs);
    const probationary = todayMs - joinedMs < 365 * DAY || (!fixed && rand() < 0.01);
    const fullOn = probationary ? null : isoDay(joinedMs + 365 * DAY + Math.floor(rand() * 20) * DAY);
    const phone = rand() < 0.04 ? null : `1${[3, 5, 7, 8, 9][Math.floor(rand() * 5)]}${pad(Math.floor(rand() * 1e9), 9)}`;
    const education = weighted(rand(), EDUCATION_WEIGHTS);
    const c = rand();
    return {
      id: uuidv7(),
      org_id: o.orgId,
      ...memberColumns({
        name,
        gender,
        ethnicity: rand() < 0.94 ? '汉族' : rand() < 0.6 ? '苗族' : '彝族',
        birthDate: birth,
        education,
        employerName: o.employer,
        position: POSITIONS[Math.floor(rand() * POSITIONS.length)] ?? null,
        joinedOn,
        fullOn,
        status: probationary ? 'probationary' : 'full',
        mobility: c < 0.03 ? 'flowing' : c < 0.04 ? 'lost_contact' : 'regular',
        talents: { industryLeader: rand() < 0.03, founder: rand() < 0.04, keyDeptHead: rand() < 0.08 },
        remarks: null,
      }),
      ...sealPersonal(crypto, idNumber, phone),
      enterprise_id: null,
      created_at: o.at,
      updated_at: o.at,
      archived_at: null,
      archive_reason: null,
    };
  });
}

function weighted<T>(r: number, weights: [T, number][]): T {
  let left = r;
  for (const [value, weight] of weights) {
    left -= weight;
    if (left < 0) return value;
  }
  return weights[0]![0];
}

/** Inserts in slices (SQLite caps bound parameters per statement). */
export async function insertDemoMembers(trx: Trx, rows: ReturnType<typeof demoMembers>): Promise<void> {
  await insertMembers(trx, rows, 100);
}
