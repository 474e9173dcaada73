import { checkStep, DEVELOPMENT_STAGES, type DevelopmentFacts, STEP_COUNT } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { presentSummary } from '../src/modules/development/development.presenter.js';
import { factsOf } from '../src/modules/development/development.repository.js';
import { beijingDate } from '../src/platform/clock.js';
import { type TestEnv, testDeps } from './support.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testDeps();
  await seedDemo(env.deps);
});
afterAll(() => env.close());

describe('demo member development', () => {
  it('has people at every stage, some overdue, some due soon, an open notice, ledger records for the admitted', async () => {
    const db = env.deps.db;
    const today = beijingDate(env.deps.clock.now());
    const rows = await db.selectFrom('development').selectAll().execute();
    const stages = new Set(rows.map((r) => r.stage));
    for (const s of [...DEVELOPMENT_STAGES, 'done']) expect(stages, s).toContain(s);
    const shown = rows.map((r) => presentSummary(r, '', today));
    expect(shown.some((p) => p.overdue)).toBe(true);
    expect(shown.some((p) => p.upcoming)).toBe(true);
    const notices = await db.selectFrom('development_notice').selectAll().execute();
    expect(notices.some((n) => n.starts_on <= today && n.ends_on >= today)).toBe(true);
    for (const r of rows.filter((row) => row.last_step >= 17)) {
      const member = await db.selectFrom('member').selectAll().where('id', '=', r.member_id!).executeTakeFirstOrThrow();
      expect(member.status).toBe(r.stage === 'done' ? 'full' : 'probationary');
      expect(member.joined_on).toBe(r.admitted_on);
    }
  });

  it('tells the truth: every seeded file passes the rules step by step', async () => {
    const db = env.deps.db;
    const rows = await db.selectFrom('development').selectAll().execute();
    for (const r of rows) {
      const facts = await factsOf(db, r);
      const replay: DevelopmentFacts = { ...facts, steps: [], extensionMonths: null };
      for (const s of facts.steps) {
        // A notice counts once it has been published by the step's date; an extension from the step after 17.
        const known = {
          ...replay,
          notices: facts.notices.filter((n) => n.startsOn <= s.doneOn),
          extensionMonths: s.step > 17 ? facts.extensionMonths : null,
        };
        const vote = { entitled: 20, present: 18, inFavour: 17, candidateIds: [r.id] };
        const issues = checkStep(
          known,
          { ...s, mentorIds: ['m'], sponsorIds: ['a', 'b'], passed: true, trainingDays: 3, vote },
          '2100-01-01',
          r.id,
        );
        expect(issues, `${r.name} step ${s.step}`).toEqual([]);
        replay.steps = [...replay.steps, s];
      }
      expect(r.last_step).toBeLessThanOrEqual(STEP_COUNT);
    }
  });
});
