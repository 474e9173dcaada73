import { DEFAULT_RUBRIC } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type Actor, matrixWorld, row } from './matrix.support.js';
import { day, scores } from './ratings.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
let round: string;
const ratingOf: Record<string, string> = {};
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
  round = await newRound('city');
  const board = (await w.call('city', 'GET', `/api/ratings/rounds/${round}`)).json();
  for (const b of BRANCHES) ratingOf[b] = board.ratings.find((r: { orgId: string }) => r.orgId === w.tree[b]).id;
});
afterAll(() => t.close());

/**
 * AZ-02 for the five-star rating routes. rating.read: the branch secretary (its branch), committee admins (their
 * subtree), instructors; self-rating: rating.self at the branch; review: rating.review at the committee above the
 * branch; approval, 公示, publishing and objections' handling: rating.approve at the round's committee; objections:
 * anyone who sees the branch; the rubric: a city committee admin. A visible rating answers 403 when not allowed.
 */
const BRANCHES = ['branchA1', 'branchA2', 'branchB1'] as const;
type Branch = (typeof BRANCHES)[number];
const none = (status: number) => row(`${status} ${status} ${status}`);
const byBranch = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => BRANCHES.map((branch, i) => [actor, branch, table[actor][i]!] as const));
const byActor = (table: Record<Actor, number>) => ACTORS.map((a) => [a, table[a]] as const);

let year = 2000;
async function newRound(orgKey: 'city' | 'districtA' | 'districtB') {
  year += 1;
  const res = await w.call('city', 'POST', '/api/ratings/rounds', {
    orgId: w.tree[orgKey],
    title: `${year}年度五星创评`,
    year,
    rubricVersion: DEFAULT_RUBRIC.version,
    selfFrom: day(t, -1),
    selfUntil: day(t, 10),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const setRating = (b: Branch, values: Record<string, unknown>) =>
  t.deps.db.updateTable('rating').set(values).where('id', '=', ratingOf[b]!).execute();
const setRound = (values: Record<string, unknown>) =>
  t.deps.db.updateTable('rating_round').set(values).where('id', '=', round).execute();
const draft = { status: 'draft', version: 1, self_scores: null, submitted_by: null, final_stars: null };
const submitted = { ...draft, status: 'submitted', self_scores: JSON.stringify(scores(75)), self_total: 75, self_stars: 3 };
const reviewed = {
  ...submitted,
  status: 'reviewed',
  review_scores: JSON.stringify(scores(75)),
  review_total: 75,
  review_stars: 3,
};
const approved = { ...reviewed, status: 'approved', final_stars: 3 };

const READ: Record<Actor, number> = {
  anonymous: 401,
  member: 403,
  enterprise: 403,
  secretary: 200,
  districtA: 200,
  districtB: 200,
  city: 200,
  sysadmin: 403,
  secadmin: 403,
  auditor: 403,
};
describe.each(byActor(READ))('GET /api/ratings/rubrics, /rubrics/:version, /rounds — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', '/api/ratings/rubrics')).statusCode).toBe(status);
    expect((await w.call(actor, 'GET', `/api/ratings/rubrics/${DEFAULT_RUBRIC.version}`)).statusCode).toBe(status);
    expect((await w.call(actor, 'GET', '/api/ratings/rounds')).statusCode).toBe(status);
  });
});

const RUBRIC: Record<Actor, number> = { ...READ, member: 403, secretary: 403, districtA: 403, districtB: 403, city: 201 };
describe.each(byActor(RUBRIC))('POST /api/ratings/rubrics — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    const { version: _v, ...body } = DEFAULT_RUBRIC;
    expect((await w.call(actor, 'POST', '/api/ratings/rubrics', { body })).statusCode).toBe(status);
  });
});

// Targets: city, districtA, districtB.
const OPEN: Record<Actor, number[]> = {
  anonymous: none(401),
  member: none(404),
  enterprise: none(404),
  secretary: none(404),
  districtA: row('404 201 404'),
  districtB: row('404 404 201'),
  city: none(201),
  sysadmin: none(404),
  secadmin: none(403),
  auditor: none(404),
};
const COMMITTEES = ['city', 'districtA', 'districtB'] as const;
describe.each(ACTORS.flatMap((a) => COMMITTEES.map((c, i) => [a, c, OPEN[a][i]!] as const)))(
  'POST /api/ratings/rounds — %s for %s → %i',
  (actor, org, status) => {
    it('answers as declared', async () => {
      year += 1;
      const res = await w.call(actor, 'POST', '/api/ratings/rounds', {
        orgId: w.tree[org],
        title: '测试',
        year,
        rubricVersion: DEFAULT_RUBRIC.version,
        selfFrom: day(t),
        selfUntil: day(t, 5),
      });
      expect(res.statusCode).toBe(status);
    });
  },
);

const ROUND: Record<Actor, number> = { ...READ, member: 404, enterprise: 404, sysadmin: 404, auditor: 404 };
describe.each(byActor(ROUND))('GET /api/ratings/rounds/:id (a city round) — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/ratings/rounds/${round}`)).statusCode).toBe(status);
  });
});

const APPROVER: Record<Actor, number> = {
  anonymous: 401,
  member: 404,
  enterprise: 404,
  secretary: 404,
  districtA: 404,
  districtB: 404,
  city: 200,
  sysadmin: 404,
  secadmin: 403,
  auditor: 404,
};
describe.each(byActor(APPROVER))('POST /api/ratings/rounds/:id/notice and /publish — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    await setRound({ status: 'open', notice_from: null, notice_until: null, published_at: null });
    await setRating('branchA1', approved);
    await setRating('branchA2', draft);
    await setRating('branchB1', draft);
    expect((await w.call(actor, 'POST', `/api/ratings/rounds/${round}/notice`)).statusCode).toBe(status);
    await setRound({ status: 'notice', notice_from: day(t, -8), notice_until: day(t, -1) });
    await setRating('branchA1', approved);
    expect((await w.call(actor, 'POST', `/api/ratings/rounds/${round}/publish`)).statusCode).toBe(status);
    await t.deps.db.deleteFrom('org_star').execute();
    await setRound({ status: 'open', notice_from: null, notice_until: null, published_at: null });
  });
});

const RATING: Record<Actor, number[]> = {
  anonymous: none(401),
  member: row('403 404 404'),
  enterprise: row('404 403 404'),
  secretary: row('200 404 404'),
  districtA: row('200 200 404'),
  districtB: row('404 404 200'),
  city: none(200),
  sysadmin: none(404),
  secadmin: none(403),
  auditor: none(404),
};
describe.each(byBranch(RATING))('GET /api/ratings/:id — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/ratings/${ratingOf[branch]}`)).statusCode).toBe(status);
  });
});

describe.each(byBranch(RATING))('PUT /api/ratings/:id/self (a draft) — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    await setRating(branch, draft);
    const res = await w.call(actor, 'PUT', `/api/ratings/${ratingOf[branch]}/self`, {
      scores: { indicators: {}, bonus: {}, vetoes: [] },
      evidence: {},
      submit: false,
      version: 1,
    });
    expect(res.statusCode).toBe(status);
  });
});

const REVIEW: Record<Actor, number[]> = { ...RATING, secretary: row('403 404 404') };
describe.each(byBranch(REVIEW))('PUT /api/ratings/:id/review — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    await setRating(branch, submitted);
    const res = await w.call(actor, 'PUT', `/api/ratings/${ratingOf[branch]}/review`, {
      scores: scores(75),
      reasons: {},
      opinion: '同意',
      version: 1,
    });
    expect(res.statusCode).toBe(status);
  });
});

const APPROVE: Record<Actor, number[]> = {
  ...RATING,
  secretary: row('403 404 404'),
  districtA: row('403 403 404'),
  districtB: row('404 404 403'),
};
describe.each(byBranch(APPROVE))('POST /api/ratings/:id/approve — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    await setRating(branch, reviewed);
    const res = await w.call(actor, 'POST', `/api/ratings/${ratingOf[branch]}/approve`, { stars: 3, version: 1 });
    expect(res.statusCode).toBe(status);
  });
});

const OBJECT: Record<Actor, number[]> = {
  anonymous: none(401),
  member: row('201 404 404'),
  enterprise: row('404 201 404'),
  secretary: row('201 404 404'),
  districtA: row('201 201 404'),
  districtB: row('404 404 201'),
  city: none(201),
  sysadmin: none(404),
  secadmin: none(403),
  auditor: none(404),
};
describe.each(byBranch(OBJECT))('POST /api/ratings/:id/objections (公示) — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    await setRound({ status: 'notice', notice_from: day(t), notice_until: day(t, 6) });
    await setRating(branch, approved);
    const res = await w.call(actor, 'POST', `/api/ratings/${ratingOf[branch]}/objections`, { text: '对评定结果有异议' });
    await setRound({ status: 'open', notice_from: null, notice_until: null });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(APPROVE))(
  'POST /api/ratings/:id/objections/:objectionId/resolve — %s on %s → %i',
  (actor, branch, status) => {
    it('answers as declared', async () => {
      await setRound({ status: 'notice', notice_from: day(t), notice_until: day(t, 6) });
      await setRating(branch, approved);
      const raised = await w.call('city', 'POST', `/api/ratings/${ratingOf[branch]}/objections`, { text: '对评定结果有异议' });
      const res = await w.call(actor, 'POST', `/api/ratings/${ratingOf[branch]}/objections/${raised.json().id}/resolve`, {
        resolution: '经核实，异议不成立',
      });
      await setRound({ status: 'open', notice_from: null, notice_until: null });
      expect(res.statusCode).toBe(status);
    });
  },
);

const STARS: Record<Actor, number[]> = { ...RATING, member: row('200 404 404'), enterprise: row('404 200 404') };
describe.each(byBranch(STARS))('GET /api/ratings/stars — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/ratings/stars?orgId=${w.tree[branch]}`)).statusCode).toBe(status);
  });
});

describe.each(byBranch(RATING))('GET /api/ratings/star-map and /showcases — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/ratings/star-map?orgId=${w.tree[branch]}`)).statusCode).toBe(status);
    expect((await w.call(actor, 'GET', `/api/ratings/showcases?orgId=${w.tree[branch]}`)).statusCode).toBe(status);
  });
});

const SHOWCASE: Record<Actor, number[]> = { ...RATING, secretary: row('403 404 404') };
const created = (table: Record<Actor, number[]>) =>
  Object.fromEntries(Object.entries(table).map(([a, r]) => [a, r.map((s) => (s === 200 ? 201 : s))])) as Record<Actor, number[]>;
describe.each(byBranch(created(SHOWCASE)))('POST /api/ratings/showcases — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    await t.deps.db.deleteFrom('showcase_progress').execute();
    await t.deps.db.deleteFrom('showcase').execute();
    const res = await w.call(actor, 'POST', '/api/ratings/showcases', {
      orgId: w.tree[branch],
      kind: 'incubation',
      title: '孵化培育',
      mentorName: '王指导',
      targets: ['规范三会一课'],
      startedOn: day(t),
      dueOn: day(t, 180),
    });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(SHOWCASE))('POST /api/ratings/showcases/:id/progress — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    await t.deps.db.deleteFrom('showcase_progress').execute();
    await t.deps.db.deleteFrom('showcase').execute();
    const made = await w.call('city', 'POST', '/api/ratings/showcases', {
      orgId: w.tree[branch],
      kind: 'showcase',
      title: '示范点',
      mentorName: '王指导',
      targets: ['建成党员活动室'],
      startedOn: day(t),
      dueOn: day(t, 180),
    });
    const res = await w.call(actor, 'POST', `/api/ratings/showcases/${made.json().id}/progress`, {
      note: '活动室已投入使用',
      percent: 60,
      targetsDone: [0],
    });
    expect(res.statusCode).toBe(status);
  });
});
