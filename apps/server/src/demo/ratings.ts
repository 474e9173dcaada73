import { DEFAULT_RUBRIC, type RatingScores, rubricIndicators, scoreRating, starValidUntil } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { branchesUnder, insertRatings } from '../modules/ratings/rating.repository.js';
import type { Trx } from '../platform/db/connect.js';

const DAY = 86_400_000;

/** The source case's published figures: 12 branches rated, 4 of them at four stars or more. Base points + bonus. */
const RATED: [key: string, base: number, bonus: Record<string, number>][] = [
  ['jy-yunzhi', 88, { innovation: 5, honour: 3 }], // 96 with innovation: ★★★★★
  ['lmt-changjiang', 86, { honour: 3 }], // 89: ★★★★
  ['gl-langjiu', 90, {}], // 90 without innovation: ★★★★
  ['hj-lizhi', 80, { experience: 2 }], // 82: ★★★★
  ['jy-jiucheng', 76, {}],
  ['lmt-xinchuang', 74, { experience: 1 }],
  ['jy-wangxie', 72, {}],
  ['nx-chaye', 71, {}],
  ['lx-longcheng', 66, {}],
  ['jy-joint1', 63, {}],
  ['lmt-joint1', 61, {}],
  ['xy-joint1', 52, {}],
];
/** Showcase sites (示范点): the strongest. */
const SHOWCASES = ['jy-yunzhi', 'lmt-changjiang', 'gl-langjiu', 'hj-lizhi'];
/** Incubated branches (孵化), each paired with a showcase as mentor. */
const INCUBATED: [key: string, mentor: string][] = [
  ['jy-zhangba', 'jy-yunzhi'],
  ['xy-yunshang', 'gl-langjiu'],
  ['xy-joint1', 'gl-langjiu'],
  ['lmt-joint1', 'lmt-changjiang'],
  ['hj-joint1', 'hj-lizhi'],
  ['gl-joint1', 'gl-langjiu'],
];
const MENTORS = ['陈思远', '李红梅', '周海涛', '王建国', '刘晓燕', '赵国华'];

function scoresFor(base: number, bonus: Record<string, number>): RatingScores {
  const indicators: RatingScores['indicators'] = {};
  let left = base;
  for (const i of rubricIndicators(DEFAULT_RUBRIC)) {
    const s = Math.min(i.maxPoints, left);
    indicators[i.key] = { score: s, deductions: [] };
    left -= s;
  }
  return { indicators, bonus, vetoes: [] };
}

/**
 * Last year's city-wide round, published about two months ago (12 branches rated, 4 at ★★★★ or more), this year's
 * round open for self-rating (the secretary's branch has not rated itself yet), 4 showcase sites and 6 incubated
 * branches with targets, mentors and progress.
 */
export async function seedDemoRatings(trx: Trx, o: { orgIds: Map<string, string>; now: Date; today: string }) {
  const city = o.orgIds.get('city')!;
  const year = Number(o.today.slice(0, 4));
  const at = (daysAgo: number) => new Date(o.now.getTime() - daysAgo * DAY).toISOString();
  const dayOf = (daysAgo: number) => new Date(o.now.getTime() + 8 * 3600_000 - daysAgo * DAY).toISOString().slice(0, 10);
  const admin = await trx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('username', '=', 'city_admin')
    .executeTakeFirst();
  const district = await trx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('username', '=', 'jiangyang_admin')
    .executeTakeFirst();
  const branches = await branchesUnder(trx, city);

  // Last year's round, published.
  const lastId = uuidv7();
  const publishedOn = dayOf(60);
  await trx
    .insertInto('rating_round')
    .values({
      id: lastId,
      org_id: city,
      title: `${year - 1}年度非公企业党组织“五星创评”`,
      year: year - 1,
      rubric_version: DEFAULT_RUBRIC.version,
      status: 'published',
      self_from: dayOf(120),
      self_until: dayOf(95),
      notice_from: dayOf(75),
      notice_until: dayOf(69),
      published_at: at(60),
      opened_at: at(125),
      opened_by: admin?.id ?? null,
      opened_by_name: admin?.display_name ?? null,
      version: 3,
    })
    .execute();
  const ids = branches.map((b) => ({ id: b.id, ratingId: uuidv7() }));
  await insertRatings(trx, lastId, ids);
  const ratingOf = new Map(ids.map((x) => [x.id, x.ratingId]));
  for (const [key, base, bonus] of RATED) {
    const orgId = o.orgIds.get(key);
    if (!orgId) continue;
    const scores = scoresFor(base, bonus);
    const result = scoreRating(DEFAULT_RUBRIC, scores);
    const ratingId = ratingOf.get(orgId)!;
    await trx
      .updateTable('rating')
      .set({
        status: 'published',
        facts: null,
        self_scores: JSON.stringify(scores),
        self_total: result.total,
        self_stars: result.stars,
        summary: '按照“五星创评”标准逐项自评，佐证材料已归档。',
        evidence: JSON.stringify({}),
        submitted_at: at(100),
        submitted_by_name: '支部书记',
        review_scores: JSON.stringify(scores),
        review_reasons: JSON.stringify({}),
        review_total: result.total,
        review_stars: result.stars,
        review_opinion: '经实地查看和查阅台账，同意自评结果。',
        reviewed_at: at(90),
        reviewed_by_name: district?.display_name ?? '区县党委',
        final_stars: result.stars,
        capped_by: JSON.stringify([]),
        approve_opinion: '同意',
        approved_at: at(80),
        approved_by: admin?.id ?? null,
        approved_by_name: admin?.display_name ?? null,
        version: 5,
      })
      .where('id', '=', ratingId)
      .execute();
    await trx
      .insertInto('org_star')
      .values({
        id: uuidv7(),
        org_id: orgId,
        rating_id: ratingId,
        stars: result.stars,
        valid_from: publishedOn,
        valid_until: starValidUntil(publishedOn, DEFAULT_RUBRIC.validityMonths),
        published_at: at(60),
      })
      .execute();
  }

  // This year's round, open for self-rating.
  const openId = uuidv7();
  await trx
    .insertInto('rating_round')
    .values({
      id: openId,
      org_id: city,
      title: `${year}年度非公企业党组织“五星创评”`,
      year,
      rubric_version: DEFAULT_RUBRIC.version,
      status: 'open',
      self_from: dayOf(5),
      self_until: dayOf(-25),
      notice_from: null,
      notice_until: null,
      published_at: null,
      opened_at: at(6),
      opened_by: admin?.id ?? null,
      opened_by_name: admin?.display_name ?? null,
      version: 1,
    })
    .execute();
  await insertRatings(
    trx,
    openId,
    branches.map((b) => ({ id: b.id, ratingId: uuidv7() })),
  );

  // Showcases and incubation.
  let cases = 0;
  const addCase = async (
    key: string,
    kind: 'showcase' | 'incubation',
    title: string,
    targets: string[],
    targetStars: number,
    mentorOrg: string | null,
    i: number,
  ) => {
    const orgId = o.orgIds.get(key);
    if (!orgId) return;
    const id = uuidv7();
    const percent = kind === 'showcase' ? 70 + i * 5 : 20 + i * 10;
    await trx
      .insertInto('showcase')
      .values({
        id,
        org_id: orgId,
        kind,
        title,
        mentor_name: MENTORS[i % MENTORS.length]!,
        mentor_org_id: mentorOrg ? (o.orgIds.get(mentorOrg) ?? null) : null,
        target_stars: targetStars,
        targets: JSON.stringify(targets.map((text, j) => ({ text, done: j < Math.round((targets.length * percent) / 100) }))),
        started_on: dayOf(200),
        due_on: dayOf(-165),
        status: 'active',
        percent,
        created_at: at(200),
        created_by_name: admin?.display_name ?? null,
      })
      .execute();
    await trx
      .insertInto('showcase_progress')
      .values({
        id: uuidv7(),
        showcase_id: id,
        note:
          kind === 'showcase' ? '党员活动室完成标准化建设，接待兄弟支部观摩学习。' : '结对指导支部帮助梳理台账，补开组织生活。',
        percent,
        recorded_at: at(20),
        recorded_by: admin?.id ?? null,
        recorded_by_name: admin?.display_name ?? null,
      })
      .execute();
    cases += 1;
  };
  for (const [i, key] of SHOWCASES.entries()) {
    await addCase(
      key,
      'showcase',
      '非公企业党建示范点',
      ['建成标准化党员活动阵地', '打造一个党建品牌项目', '带动两个孵化支部提升星级'],
      5,
      null,
      i,
    );
  }
  for (const [i, [key, mentor]] of INCUBATED.entries()) {
    await addCase(
      key,
      'incubation',
      '薄弱党组织孵化培育',
      ['规范“三会一课”台账', '按期完成支部换届', '党费按月足额收缴', '申报“三星级”党组织'],
      3,
      mentor,
      i,
    );
  }
  return { rated: RATED.length, cases };
}
