import { DEFAULT_RUBRIC, type RatingScores, rubricIndicators } from '@tongxin/contracts';
import * as files from './fixtures/files.js';
import type { matrixWorld } from './matrix.support.js';
import type { testApp } from './support.js';

type World = Awaited<ReturnType<typeof matrixWorld>>;
type App = Awaited<ReturnType<typeof testApp>>;

/** Scores over the default rubric adding up to `base` (full marks first), with these bonus points and vetoes. */
export function scores(base: number, bonus: Record<string, number> = {}, vetoes: string[] = []): RatingScores {
  const indicators: RatingScores['indicators'] = {};
  let left = base;
  for (const i of rubricIndicators(DEFAULT_RUBRIC)) {
    const s = Math.min(i.maxPoints, left);
    indicators[i.key] = { score: s, deductions: [] };
    left -= s;
  }
  return { indicators, bonus, vetoes };
}

/** The Beijing date `days` from now on the test clock. */
export function day(t: App, days = 0): string {
  return new Date(t.clock.now().getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export async function openRound(t: App, w: World, year: number, orgKey: 'city' | 'districtA' = 'city') {
  const res = await w.call('city', 'POST', '/api/ratings/rounds', {
    orgId: w.tree[orgKey],
    title: `${year}年度五星创评`,
    year,
    rubricVersion: DEFAULT_RUBRIC.version,
    selfFrom: day(t, -1),
    selfUntil: day(t, 10),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  const board = (await w.call('city', 'GET', `/api/ratings/rounds/${id}`)).json();
  const ratingOf = (orgId: string) => (board.ratings as { id: string; orgId: string }[]).find((r) => r.orgId === orgId)!.id;
  return { id, ratingOf };
}

/** Uploads one evidence file as `actor` for a branch. */
export async function evidence(t: App, w: World, actor: 'secretary' | 'city' | 'districtA', orgId: string) {
  const body = files.multipart('佐证材料.pdf', files.pdf());
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/attachments?use=rating&orgId=${orgId}`,
    headers: { ...(w.sessions[actor]?.headers ?? {}), ...body.headers },
    payload: body.payload,
  });
  if (up.statusCode !== 201) throw new Error(up.body);
  return up.json().id as string;
}

/** Evidence for every key of the default rubric that needs it (one file each, uploaded by `actor`). */
export async function fullEvidence(t: App, w: World, actor: 'secretary' | 'city' | 'districtA', orgId: string) {
  const keys = [...rubricIndicators(DEFAULT_RUBRIC).map((i) => i.key), ...DEFAULT_RUBRIC.bonus.map((b) => b.key)];
  const out: Record<string, string[]> = {};
  for (const k of keys) out[k] = [await evidence(t, w, actor, orgId)];
  return out;
}

/** Self-rates and submits a branch (as `actor`), returning nothing; throws on refusal. */
export async function submit(
  t: App,
  w: World,
  ratingId: string,
  orgId: string,
  s: RatingScores,
  actor: 'secretary' | 'city' | 'districtA' = 'secretary',
) {
  const ev = await fullEvidence(t, w, actor, orgId);
  const res = await w.call(actor, 'PUT', `/api/ratings/${ratingId}/self`, { scores: s, evidence: ev, submit: true, version: 1 });
  if (res.statusCode !== 200) throw new Error(res.body);
}
