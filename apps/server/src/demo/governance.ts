import { FOLLOWER_BANDS, MEDIA_PLATFORMS, type MediaPlatform } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { pinyinKeys } from '../modules/orgs/pinyin.js';
import { insertAccount, insertGrant } from '../platform/accounts.js';
import { beijingDate } from '../platform/clock.js';
import type { Trx } from '../platform/db/connect.js';
import { DEMO_REBUTTALS } from './governance-rebuttals.js';
import { prng } from './names.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PLEDGE_V1 =
  '为营造清朗网络空间，我们倡议：一、坚持正确政治方向和舆论导向；二、依法依规经营，落实网络安全和数据安全主体责任；' +
  '三、抵制网络谣言、低俗信息和网络暴力；四、保护用户个人信息；五、积极传播正能量，及时转发权威信息。';
const PLEDGE_V2 = `${PLEDGE_V1}六、规范使用生成式人工智能，对合成内容作显著标识。`;
const LIVE_PLEDGE =
  '直播行业经营者共同承诺：主播实名上岗，不虚假宣传、不刷单炒信；未成年人不打赏；直播内容健康向上；接受社会监督。';

interface Options {
  orgIds: Map<string, string>;
  passwordHash: string;
  now: Date;
}

/**
 * Online governance demo (issue #17 point 5): two pledges with signatures (one revised, so some enterprises must
 * sign again), a media matrix for the demo enterprises and committees, one hot event with two releases and relay
 * tasks in every state, a rebuttal library of a few dozen fictional entries and two suspected-rumour reports. A
 * second enterprise contact (enterprise2, 孙丽娟) relays beside 赵国华.
 */
export async function seedDemoGovernance(trx: Trx, o: Options) {
  const rand = prng(17017);
  const at = (ms: number) => new Date(o.now.getTime() + ms).toISOString();
  const user = (username: string) =>
    trx.selectFrom('app_user').select(['id', 'display_name as name']).where('username', '=', username).executeTakeFirstOrThrow();
  const city = { id: o.orgIds.get('city')!, admin: await user('city_admin') };
  const jiangyang = { id: o.orgIds.get('jiangyang')!, admin: await user('jiangyang_admin') };
  const enterprises = await trx
    .selectFrom('enterprise')
    .select(['id', 'name', 'area_org_id', 'covering_org_id'])
    .where('archived_at', 'is', null)
    .orderBy('name_pinyin')
    .limit(60)
    .execute();
  if (enterprises.length === 0) return { pledges: 0, accounts: 0, relayTasks: 0, rebuttals: 0 };
  const contact = await user('enterprise');
  const linked = await trx.selectFrom('enterprise_contact').select('enterprise_id').where('user_id', '=', contact.id).execute();
  const ownId = linked[0]?.enterprise_id ?? null;
  const inJiangyang = new Set(
    (await trx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', jiangyang.id).execute()).map(
      (r) => r.descendant_id,
    ),
  );
  // The second demo contact acts for another 江阳区 enterprise.
  const second =
    enterprises.find((e) => e.id !== ownId && inJiangyang.has(e.area_org_id)) ?? enterprises.find((e) => e.id !== ownId)!;
  const secondOrg = second.covering_org_id ?? second.area_org_id;
  const contact2Id = await insertAccount(trx, {
    username: 'enterprise2',
    displayName: '孙丽娟',
    passwordHash: o.passwordHash,
    homeOrgId: secondOrg,
    mustChangePassword: false,
    createdAt: at(0),
  });
  await insertGrant(trx, {
    userId: contact2Id,
    role: 'enterprise_contact',
    orgId: secondOrg,
    reach: 'org',
    createdAt: at(0),
    createdBy: null,
  });
  await trx
    .insertInto('enterprise_contact')
    .values({ enterprise_id: second.id, user_id: contact2Id, created_at: at(0), created_by: null })
    .execute();

  // ── Pledges ──
  const cityPledge = uuidv7();
  await trx
    .insertInto('pledge')
    .values({
      id: cityPledge,
      org_id: city.id,
      title: '互联网企业网络空间自律倡议书',
      issuer_kind: 'committee',
      issuer_name: '泸州市互联网行业党委',
      current_version: 2,
      created_at: at(-60 * DAY),
      created_by: city.admin.id,
      updated_at: at(-10 * DAY),
    })
    .execute();
  for (const [version, body, when, note] of [
    [1, PLEDGE_V1, -60 * DAY, null],
    [2, PLEDGE_V2, -10 * DAY, '增加生成式人工智能内容标识条款'],
  ] as const) {
    await trx
      .insertInto('pledge_version')
      .values({
        id: uuidv7(),
        pledge_id: cityPledge,
        version,
        body,
        note,
        published_at: at(when),
        published_by: city.admin.id,
        published_by_name: city.admin.name,
      })
      .execute();
  }
  const livePledge = uuidv7();
  await trx
    .insertInto('pledge')
    .values({
      id: livePledge,
      org_id: jiangyang.id,
      title: '江阳区网络直播行业自律公约',
      issuer_kind: 'association',
      issuer_name: '江阳区电子商务协会',
      current_version: 1,
      created_at: at(-30 * DAY),
      created_by: jiangyang.admin.id,
      updated_at: at(-30 * DAY),
    })
    .execute();
  await trx
    .insertInto('pledge_version')
    .values({
      id: uuidv7(),
      pledge_id: livePledge,
      version: 1,
      body: LIVE_PLEDGE,
      note: null,
      published_at: at(-30 * DAY),
      published_by: jiangyang.admin.id,
      published_by_name: jiangyang.admin.name,
    })
    .execute();
  const sign = (pledgeId: string, version: number, enterpriseId: string, when: number, by: string) =>
    trx
      .insertInto('pledge_signature')
      .values({
        id: uuidv7(),
        pledge_id: pledgeId,
        version,
        enterprise_id: enterpriseId,
        signed_at: at(when),
        signed_by: null,
        signed_by_name: by,
      })
      .execute();
  let signatures = 0;
  for (const [i, e] of enterprises.entries()) {
    const r = rand();
    // 赵国华's enterprise signed version 1 only: it is asked to sign again.
    if (e.id === ownId) {
      await sign(cityPledge, 1, e.id, -50 * DAY, contact.name);
      signatures += 1;
      continue;
    }
    if (e.id === second.id) continue;
    if (r < 0.55) {
      await sign(cityPledge, 1, e.id, -55 * DAY + i * HOUR, '企业联络员');
      await sign(cityPledge, 2, e.id, -8 * DAY + i * HOUR, '企业联络员');
      signatures += 2;
    } else if (r < 0.75) {
      await sign(cityPledge, 1, e.id, -52 * DAY + i * HOUR, '企业联络员');
      signatures += 1;
    }
    if (inJiangyang.has(e.area_org_id) && rand() < 0.6) {
      await sign(livePledge, 1, e.id, -25 * DAY + i * HOUR, '企业联络员');
      signatures += 1;
    }
  }

  // ── The media matrix ──
  let accounts = 0;
  const accountIds = new Map<string, string>();
  const addAccount = async (
    owner: { enterpriseId: string | null; orgId: string | null; areaId: string; name: string },
    platform: MediaPlatform,
    n: number,
  ) => {
    const id = uuidv7();
    const short = owner.name.replace(/(有限公司|股份有限公司|有限责任公司|党委|委员会)$/u, '').slice(0, 10);
    const handle = `${pinyinKeys(short).initials}_${platform}_${n}`;
    await trx
      .insertInto('media_account')
      .values({
        id,
        platform,
        name: platform === 'website' ? `${short}官网` : `${short}${platform === 'wechat' ? '' : '官方'}`,
        handle,
        owner_kind: owner.enterpriseId ? 'enterprise' : 'org',
        enterprise_id: owner.enterpriseId,
        owner_org_id: owner.orgId,
        area_org_id: owner.areaId,
        operator_name: ['王丽', '陈杰', '刘洋', '杨帆', '黄静', '赵磊'][n % 6]!,
        follower_band: FOLLOWER_BANDS[Math.floor(rand() * 4)]!,
        verification: rand() < 0.8 ? 'verified' : rand() < 0.5 ? 'pending' : 'unverified',
        url:
          platform === 'website'
            ? `https://www.${handle.replace(/_/g, '')}.example.cn/`
            : `https://${platform}.example.cn/${handle}`,
        created_at: at(-40 * DAY + n * HOUR),
        created_by: null,
        updated_at: at(-40 * DAY + n * HOUR),
        version: 1,
      })
      .execute();
    accounts += 1;
    return id;
  };
  for (const [i, e] of enterprises.slice(0, 36).entries()) {
    const owner = { enterpriseId: e.id, orgId: null, areaId: e.area_org_id, name: e.name };
    const first = MEDIA_PLATFORMS[i % 5]!;
    accountIds.set(e.id, await addAccount(owner, first, i));
    if (i % 3 === 0) await addAccount(owner, 'website', i);
  }
  for (const e of [enterprises.find((x) => x.id === ownId), second]) {
    if (e && !accountIds.has(e.id)) {
      accountIds.set(
        e.id,
        await addAccount({ enterpriseId: e.id, orgId: null, areaId: e.area_org_id, name: e.name }, 'wechat', 90 + accounts),
      );
    }
  }
  await addAccount({ enterpriseId: null, orgId: city.id, areaId: city.id, name: '泸州互联网党建' }, 'wechat', 100);
  await addAccount({ enterpriseId: null, orgId: city.id, areaId: city.id, name: '泸州互联网党建' }, 'douyin', 101);
  await addAccount({ enterpriseId: null, orgId: jiangyang.id, areaId: jiangyang.id, name: '江阳网信党建' }, 'weibo', 102);

  // ── One hot event, two releases, relay tasks in every state ──
  const eventId = uuidv7();
  await trx
    .insertInto('hot_event')
    .values({
      id: eventId,
      org_id: city.id,
      title: '网传“本地互联网企业大规模裁员”事件',
      summary: '近日有自媒体账号发布“本地某互联网企业一次裁员过半”的不实信息，引发关注。市网信办已核查澄清。',
      created_at: at(-2 * DAY),
      created_by: city.admin.id,
    })
    .execute();
  const targets = enterprises.filter((e) => e.id !== ownId && e.id !== second.id).slice(0, 10);
  const releases = [
    {
      title: '关于网传“本地互联网企业大规模裁员”的情况说明',
      body: '经核查，网传“本地某互联网企业一次裁员过半”的消息不实。该企业经营正常，仅有正常人员流动。请各单位通过官方账号转发本说明，共同抵制网络谣言。',
      published: -2 * DAY,
      deadline: -1 * DAY,
    },
    {
      title: '市网信办提醒：理性看待网络传言，以权威发布为准',
      body: '近期网络上出现多条涉及本地企业经营的不实传言。请广大网民理性看待，不信谣、不传谣，以权威部门发布的信息为准。',
      published: -3 * HOUR,
      deadline: 21 * HOUR,
    },
  ];
  let relayTasks = 0;
  for (const [k, r] of releases.entries()) {
    const releaseId = uuidv7();
    await trx
      .insertInto('official_release')
      .values({
        id: releaseId,
        event_id: eventId,
        org_id: city.id,
        title: r.title,
        body: r.body,
        link: 'https://www.example.gov.cn/wxb/2026/shuoming.html',
        authority: '泸州市互联网信息办公室',
        deadline_at: at(r.deadline),
        published_at: at(r.published),
        published_by: city.admin.id,
        published_by_name: city.admin.name,
      })
      .execute();
    const list =
      k === 1
        ? [...targets.slice(0, 6), ...[ownId, second.id].map((id) => enterprises.find((e) => e.id === id)!).filter(Boolean)]
        : targets;
    for (const [i, e] of list.entries()) {
      // Release 1 (deadline passed): on time, late, or never; release 2 (running): some done, the rest open.
      const mode = k === 0 ? (['done', 'done', 'late', 'done', 'none'] as const)[i % 5]! : i < 3 ? 'done' : 'none';
      const reportedAt = mode === 'done' ? at(r.published + (2 + i) * HOUR) : mode === 'late' ? at(r.deadline + 5 * HOUR) : null;
      const accountId = accountIds.get(e.id) ?? null;
      await trx
        .insertInto('relay_task')
        .values({
          id: uuidv7(),
          release_id: releaseId,
          org_id: city.id,
          target_kind: accountId ? 'account' : 'enterprise',
          enterprise_id: e.id,
          target_org_id: null,
          media_account_id: accountId,
          target_name: e.name,
          deadline_at: at(r.deadline),
          reported_at: reportedAt,
          reported_by: null,
          reported_by_name: reportedAt ? '企业联络员' : null,
          relay_url: reportedAt ? `https://weibo.example.cn/relay/${k}${i}` : null,
          note: mode === 'late' ? '负责人出差，晚了半天转发' : null,
          late: mode === 'late' ? 1 : 0,
          created_at: at(r.published),
        })
        .execute();
      relayTasks += 1;
    }
  }

  // ── The rebuttal library and two reports ──
  const rebuttalIds: string[] = [];
  for (const [i, b] of DEMO_REBUTTALS.entries()) {
    const id = uuidv7();
    const keys = pinyinKeys(b.title);
    await trx
      .insertInto('rebuttal')
      .values({
        id,
        org_id: city.id,
        title: b.title,
        title_pinyin: keys.full,
        title_initials: keys.initials,
        claim: b.claim,
        truth: b.truth,
        source_name: b.source,
        source_url: `https://www.example.gov.cn/piyao/${i + 1}.html`,
        published_on: beijingDate(new Date(o.now.getTime() - (i * 5 + 1) * DAY)),
        created_at: at(-(i * 5 + 1) * DAY),
        created_by: city.admin.id,
      })
      .execute();
    rebuttalIds.push(id);
  }
  const member = await user('member');
  const memberOrg = o.orgIds.get('jy-yunzhi')!;
  const report = (text: string, when: number, answered: boolean) =>
    trx
      .insertInto('rumour_report')
      .values({
        id: uuidv7(),
        org_id: memberOrg,
        text,
        url: 'https://weibo.example.cn/post/8841',
        submitted_at: at(when),
        submitted_by: member.id,
        submitted_by_name: member.name,
        status: answered ? 'answered' : 'pending',
        verdict: answered ? 'rumour' : null,
        answer: answered ? '经核实为谣言：轨道交通运营正常，请以官方发布为准。' : null,
        rebuttal_id: answered ? rebuttalIds[1]! : null,
        official_url: null,
        answered_at: answered ? at(when + 4 * HOUR) : null,
        answered_by: answered ? jiangyang.admin.id : null,
        answered_by_name: answered ? jiangyang.admin.name : null,
      })
      .execute();
  await report('朋友圈在传：地铁明天全线停运检修，是真的吗？', -3 * DAY, true);
  await report('群里说扫码可以领取“数字人民币红包”，要填银行卡号，是不是诈骗？', -5 * HOUR, false);
  return { pledges: 2, pledgeSignatures: signatures, mediaAccounts: accounts, relayTasks, rebuttals: rebuttalIds.length };
}
