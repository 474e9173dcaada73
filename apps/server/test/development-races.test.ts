import { describe, expect, it } from 'vitest';
import { applicantBody, newFile, post, secretary, stepBody, t, tree, useDevelopmentWorld } from './development.support.js';

useDevelopmentWorld();

describe('two people recording at once', () => {
  it('records a step once: the other is told it is done (SQLite) or to reload (PostgreSQL)', async () => {
    const id = await newFile();
    const [a, b] = await Promise.all([
      post(secretary, `/api/development/${id}/steps`, stepBody(id, 2, '2025-01-20')),
      post(secretary, `/api/development/${id}/steps`, stepBody(id, 2, '2025-01-21')),
    ]);
    expect([a, b].filter((r) => r.statusCode === 201)).toHaveLength(1);
    const loser = [a, b].find((r) => r.statusCode !== 201)!;
    expect([400, 409]).toContain(loser.statusCode);
    const steps = await t.deps.db
      .selectFrom('development_step')
      .select('step')
      .where('development_id', '=', id)
      .where('step', '=', 2)
      .execute();
    expect(steps).toHaveLength(1);
  });

  it('opens one file per person even when two applications race', async () => {
    const body = applicantBody(tree.branchA1, { name: '并发者' });
    const [a, b] = await Promise.all([post(secretary, '/api/development', body), post(secretary, '/api/development', body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });
});
