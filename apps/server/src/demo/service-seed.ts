import { insertContact } from '../modules/enterprises/enterprise-account.repository.js';
import type { Trx } from '../platform/db/connect.js';
import { prng } from './names.js';
import { seedDemoServiceRequests } from './service-requests.js';

/**
 * Wires the demo service requests to the demo accounts: the district admins handle their districts' requests,
 * the city admin the rest; the demo enterprise contact (赵国华) acts for an enterprise of its org (linked here
 * when the enterprise demo has not linked it already).
 */
export async function seedDemoServices(trx: Trx, o: { orgIds: Map<string, string>; passwordHash: string; now: Date }) {
  const user = (username: string) =>
    trx.selectFrom('app_user').select(['id', 'display_name as name']).where('username', '=', username).executeTakeFirstOrThrow();
  const city = await user('city_admin');
  const districts = new Map([
    [o.orgIds.get('jiangyang')!, await user('jiangyang_admin')],
    [o.orgIds.get('longmatan')!, await user('longmatan_admin')],
  ]);
  const contact = await user('enterprise');
  let link = await trx
    .selectFrom('enterprise_contact')
    .select('enterprise_id')
    .where('user_id', '=', contact.id)
    .executeTakeFirst();
  if (!link) {
    const home = o.orgIds.get('jy-jiucheng')!;
    const e = await trx
      .selectFrom('enterprise')
      .select('id')
      .where('archived_at', 'is', null)
      .where((eb) => eb.or([eb('covering_org_id', '=', home), eb('area_org_id', '=', o.orgIds.get('jiangyang')!)]))
      .orderBy('name_pinyin')
      .executeTakeFirst();
    if (e) {
      await insertContact(trx, { enterpriseId: e.id, userId: contact.id, at: o.now.toISOString(), by: null });
      link = { enterprise_id: e.id };
    }
  }
  // The demo secretary's branch covers an enterprise (泸州云智科技): one request raised by the secretary.
  const secretary = await user('secretary');
  const covered = await trx
    .selectFrom('enterprise')
    .select('id')
    .where('covering_org_id', '=', o.orgIds.get('jy-yunzhi')!)
    .where('archived_at', 'is', null)
    .orderBy('name_pinyin')
    .executeTakeFirst();
  return seedDemoServiceRequests(trx, {
    secretary: { ...secretary, enterpriseId: covered?.id ?? null },
    now: o.now,
    rand: prng(61201),
    passwordHash: o.passwordHash,
    cityHandler: city,
    contact: { ...contact, enterpriseId: link?.enterprise_id ?? null },
    async inHomeDistrict(areaOrgId) {
      const hit = await trx
        .selectFrom('org_closure')
        .select('ancestor_id')
        .where('descendant_id', '=', areaOrgId)
        .where('ancestor_id', '=', o.orgIds.get('jiangyang')!)
        .executeTakeFirst();
      return hit !== undefined;
    },
    async districtHandler(areaOrgId) {
      const ancestors = await trx
        .selectFrom('org_closure')
        .select('ancestor_id')
        .where('descendant_id', '=', areaOrgId)
        .execute();
      for (const a of ancestors) if (districts.has(a.ancestor_id)) return districts.get(a.ancestor_id)!;
      return null;
    },
  });
}
