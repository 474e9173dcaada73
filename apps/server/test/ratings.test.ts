import { DEFAULT_RUBRIC } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixWorld } from './matrix.support.js';
import { day, evidence, fullEvidence, openRound, scores, submit } from './ratings.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
});
afterAll(() => t.close());

const rowCount = async (table: 'rating' | 'org_star' | 'rating_objection') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a full round: self-rating → district review → city approval → 公示 → published stars', () => {
  it('keeps the rubric version, adjusts with reasons, caps by veto and quota, and publishes the history', async () => {
    const { id, ratingOf } = await openRound(t, w, 2026);
    const board = (await w.call('city', 'GET', `/api/ratings/rounds/${id}`)).json();
    expect(board.rubricVersion).toBe(DEFAULT_RUBRIC.version);
    expect(board.ratings).toHaveLength(3);
    // The secretary sees only its branch, with the facts pulled from the data.
    const mine = (await w.call('secretary', 'GET', `/api/ratings/rounds/${id}`)).json();
    expect(mine.ratings.map((r: { orgId: string }) => r.orgId)).toEqual([w.tree.branchA1]);
    const a1 = ratingOf(w.tree.branchA1);
    const got = await w.call('secretary', 'GET', `/api/ratings/${a1}`);
    expect(got.statusCode, got.body).toBe(200);
    const detail = got.json();
    expect(detail.abilities.selfRate, JSON.stringify(detail)).toBe(true);
    expect(Object.keys(detail.facts)).toContain('membersFull');
    expect(detail.rubric.dimensions).toHaveLength(3);

    // Self-ratings: A1 claims 90 with innovation (5★), A2 claims 90 without (4★), B1 claims 95+innovation but vetoed.
    await submit(t, w, a1, w.tree.branchA1, scores(85, { innovation: 5 }));
    await submit(t, w, ratingOf(w.tree.branchA2), w.tree.branchA2, scores(90), 'city');
    await submit(t, w, ratingOf(w.tree.branchB1), w.tree.branchB1, scores(95, { innovation: 5 }, ['discipline']), 'city');
    const afterSelf = (await w.call('city', 'GET', `/api/ratings/rounds/${id}`)).json();
    expect(
      afterSelf.ratings.map((r: { orgName: string; selfTotal: number; selfStars: number }) => [r.selfTotal, r.selfStars]),
    ).toEqual(
      expect.arrayContaining([
        [90, 5],
        [90, 4],
        [100, 2],
      ]),
    );

    // District review: an adjustment without its reason is refused; with it, accepted.
    const sub = (await w.call('districtA', 'GET', `/api/ratings/${a1}`)).json();
    const adjusted = { ...sub.selfScores, indicators: { ...sub.selfScores.indicators, venue: { score: 8, deductions: [] } } };
    const noReason = await w.call('districtA', 'PUT', `/api/ratings/${a1}/review`, {
      scores: adjusted,
      reasons: {},
      opinion: '同意',
      version: sub.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('「活动阵地」的得分与自评不同，请填写调整理由');
    const withReason = await w.call('districtA', 'PUT', `/api/ratings/${a1}/review`, {
      scores: { ...sub.selfScores },
      reasons: {},
      opinion: '材料齐全，同意自评结果',
      version: sub.version,
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const a2 = ratingOf(w.tree.branchA2);
    const a2d = (await w.call('districtA', 'GET', `/api/ratings/${a2}`)).json();
    // The account that submitted a self-rating does not review it.
    expect(
      (
        await w.call('city', 'PUT', `/api/ratings/${a2}/review`, {
          scores: a2d.selfScores,
          reasons: {},
          opinion: '同意',
          version: a2d.version,
        })
      ).statusCode,
    ).toBe(403);
    const a2Review = await w.call('districtA', 'PUT', `/api/ratings/${a2}/review`, {
      scores: { ...a2d.selfScores, indicators: { ...a2d.selfScores.indicators, venue: { score: 8, deductions: [] } } },
      reasons: { venue: '活动场所面积不足' },
      opinion: '基本同意',
      version: a2d.version,
    });
    expect(a2Review.statusCode, a2Review.body).toBe(200);
    const b1 = ratingOf(w.tree.branchB1);
    const b1d = (await w.call('districtB', 'GET', `/api/ratings/${b1}`)).json();
    expect(
      (
        await w.call('districtB', 'PUT', `/api/ratings/${b1}/review`, {
          scores: b1d.selfScores,
          reasons: {},
          opinion: '同意',
          version: b1d.version,
        })
      ).statusCode,
    ).toBe(200);
    const b1r = (await w.call('city', 'GET', `/api/ratings/${b1}`)).json();
    expect(b1r.reviewStars).toBe(2);
    expect(b1r.cappedBy).toEqual(['党组织或班子成员受到党纪处分']);

    // City approval: never above the review; the 5★ quota (20% of 3 branches = 0 places) refuses five stars.
    const a1r = (await w.call('city', 'GET', `/api/ratings/${a1}`)).json();
    expect(a1r.reviewStars).toBe(5);
    const five = await w.call('city', 'POST', `/api/ratings/${a1}/approve`, { stars: 5, version: a1r.version });
    expect(five.statusCode).toBe(400);
    expect(five.json().error.message).toBe('五星级名额已满：不超过参评支部的20%，本轮3个支部参评，最多0个');
    const a2r = (await w.call('city', 'GET', `/api/ratings/${a2}`)).json();
    expect(a2r.reviewTotal).toBe(88);
    expect(a2r.reviewStars).toBe(4);
    const above = await w.call('city', 'POST', `/api/ratings/${a2}/approve`, { stars: 5, version: a2r.version });
    expect(above.json().error.message).toBe('审定星级不能高于审核结果（四星级）');
    for (const [rid, stars] of [
      [a1, 4],
      [a2, 4],
      [b1, 2],
    ] as const) {
      const v = (await w.call('city', 'GET', `/api/ratings/${rid}`)).json().version;
      const res = await w.call('city', 'POST', `/api/ratings/${rid}/approve`, { stars, version: v });
      expect(res.statusCode, res.body).toBe(200);
    }

    // 公示 with an objection: publishing waits for the end of the notice and for the objection to be handled.
    const notice = await w.call('city', 'POST', `/api/ratings/rounds/${id}/notice`);
    expect(notice.statusCode, notice.body).toBe(200);
    const obj = await w.call('member', 'POST', `/api/ratings/${a1}/objections`, { text: '活动阵地长期被挪作他用' });
    expect(obj.statusCode, obj.body).toBe(201);
    expect((await w.call('city', 'POST', `/api/ratings/rounds/${id}/publish`)).json().error.message).toMatch(
      /公示期满后才能发布/,
    );
    // The notice period passes (moving the clock by days would end the sessions).
    await t.deps.db
      .updateTable('rating_round')
      .set({ notice_until: day(t, -1) })
      .where('id', '=', id)
      .execute();
    {
      expect((await w.call('city', 'POST', `/api/ratings/rounds/${id}/publish`)).json().error.message).toBe(
        '尚有1条异议未处理，不能发布',
      );
      const resolve = await w.call('city', 'POST', `/api/ratings/${a1}/objections/${obj.json().id}/resolve`, {
        resolution: '经核实，活动阵地确有挪用，降为三星级',
        stars: 3,
      });
      expect(resolve.statusCode, resolve.body).toBe(200);
      const pub = await w.call('city', 'POST', `/api/ratings/rounds/${id}/publish`);
      expect(pub.statusCode, pub.body).toBe(200);
      expect(pub.json().published).toBe(3);
      const stars = (await w.call('member', 'GET', `/api/ratings/stars?orgId=${w.tree.branchA1}`)).json();
      expect(stars.current).toMatchObject({ stars: 3, roundTitle: '2026年度五星创评' });
      expect(stars.history).toHaveLength(1);
      const map = (await w.call('city', 'GET', `/api/ratings/star-map?orgId=${w.tree.city}`)).json();
      expect(map).toMatchObject({ rated: 3, atLeastFour: 1, byStars: { '2': 1, '3': 1, '4': 1 } });
    }
  });
});

describe('bad input is refused with the rule named, and nothing half-saved', () => {
  it("a score outside an indicator's range, missing evidence, after the window", async () => {
    const { ratingOf } = await openRound(t, w, 2024);
    const a1 = ratingOf(w.tree.branchA1);
    const filesBefore = Number(
      (
        await t.deps.db
          .selectFrom('attachment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('owner_kind', '=', 'rating')
          .where('owner_id', '=', a1)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const ev = await fullEvidence(t, w, 'secretary', w.tree.branchA1);
    const out = scores(90);
    out.indicators.leadership = { score: 16, deductions: [] };
    const r1 = await w.call('secretary', 'PUT', `/api/ratings/${a1}/self`, {
      scores: out,
      evidence: ev,
      submit: true,
      version: 1,
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.message).toBe('「领导班子」的得分应为0–15之间的整数');
    const { leadership: _l, ...partial } = ev;
    const r2 = await w.call('secretary', 'PUT', `/api/ratings/${a1}/self`, {
      scores: scores(90),
      evidence: partial,
      submit: true,
      version: 1,
    });
    expect(r2.json().error.message).toBe('「领导班子」须上传佐证材料');
    // Nothing of the refused saves stayed: no files claimed, the rating untouched.
    const row = await t.deps.db.selectFrom('rating').selectAll().where('id', '=', a1).executeTakeFirstOrThrow();
    expect([row.status, row.self_scores, Number(row.version)]).toEqual(['draft', null, 1]);
    const filesAfter = Number(
      (
        await t.deps.db
          .selectFrom('attachment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('owner_kind', '=', 'rating')
          .where('owner_id', '=', a1)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(filesAfter).toBe(filesBefore);
    // A draft may be saved incomplete; submitting after the window is refused, naming the window.
    const draft = await w.call('secretary', 'PUT', `/api/ratings/${a1}/self`, {
      scores: { indicators: {}, bonus: {}, vetoes: [] },
      evidence: {},
      submit: false,
      version: 1,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    // The window closes (set in the database: moving the clock by days would end the sessions).
    await t.deps.db
      .updateTable('rating_round')
      .set({ self_from: day(t, -10), self_until: day(t, -1) })
      .where('id', '=', row.round_id)
      .execute();
    const late = await w.call('secretary', 'PUT', `/api/ratings/${a1}/self`, {
      scores: scores(90),
      evidence: ev,
      submit: true,
      version: 2,
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toBe(`不在自评时间内：本轮自评时间为${day(t, -10)}至${day(t, -1)}`);
  });

  it('one round per committee and year; a window that ends before it starts', async () => {
    const again = await w.call('city', 'POST', '/api/ratings/rounds', {
      orgId: w.tree.city,
      title: '重复',
      year: 2026,
      rubricVersion: DEFAULT_RUBRIC.version,
      selfFrom: day(t),
      selfUntil: day(t, 5),
    });
    expect(again.statusCode).toBe(409);
    const backwards = await w.call('city', 'POST', '/api/ratings/rounds', {
      orgId: w.tree.city,
      title: '倒置',
      year: 2023,
      rubricVersion: DEFAULT_RUBRIC.version,
      selfFrom: day(t, 5),
      selfUntil: day(t),
    });
    expect(backwards.json().error.message).toBe('自评截止日期不能早于开始日期');
  });

  it('the rubric editor saves a new version, refusing a bad one with the rule named', async () => {
    const bad = await w.call('city', 'POST', '/api/ratings/rubrics', { body: { ...stripVersion(), validityMonths: 36 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('星级有效期应为12–24个月（1–2年）');
    const ok = await w.call('city', 'POST', '/api/ratings/rubrics', { body: { ...stripVersion(), name: '2027版标准' } });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await w.call('districtA', 'GET', '/api/ratings/rubrics')).json();
    expect(list.items.map((r: { name: string }) => r.name)).toContain('2027版标准');
    expect(list.abilities.create).toBe(false);
    expect((await w.call('districtA', 'POST', '/api/ratings/rubrics', { body: stripVersion() })).statusCode).toBe(403);
  });

  it("evidence uploads are for the branch's self-raters only", async () => {
    await expect(evidence(t, w, 'secretary', w.tree.branchB1)).rejects.toThrow();
    expect(await rowCount('rating')).toBeGreaterThan(0);
  });
});

function stripVersion() {
  const { version: _v, ...body } = DEFAULT_RUBRIC;
  return body;
}
