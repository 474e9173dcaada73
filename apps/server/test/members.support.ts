import { type CreateMemberBody, idNumberCheckChar } from '@tongxin/contracts';

let sequence = 0;

/** A valid ID number for someone born on `birthDate` (a fresh one each call). */
export function validIdNumber(birthDate: string, gender: 'male' | 'female' = 'male'): string {
  sequence += 1;
  const seq = ((sequence % 499) * 2 + (gender === 'male' ? 1 : 0)) % 1000;
  const area = String(510500 + Math.floor(sequence / 499)).padStart(6, '0');
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A complete, consistent member body for the create route; override what the test is about. */
export function memberBody(orgId: string, overrides: Partial<CreateMemberBody> = {}): CreateMemberBody {
  const birthDate = overrides.birthDate ?? '1990-05-17';
  const gender = overrides.gender ?? 'male';
  return {
    orgId,
    name: '张三',
    gender,
    ethnicity: '汉族',
    birthDate,
    idNumber: validIdNumber(birthDate, gender),
    phone: `138${String(10_000_000 + sequence).slice(-8)}`,
    education: 'bachelor',
    employerName: '甲一科技有限公司',
    position: '工程师',
    joinedOn: '2015-06-30',
    fullOn: '2016-07-01',
    status: 'full',
    mobility: 'regular',
    talents: { industryLeader: false, founder: false, keyDeptHead: false },
    remarks: null,
    ...overrides,
  };
}
