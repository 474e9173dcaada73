import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrg, addUser, signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

// A random tree: 7 districts under a root, each node with up to 3 children, depth ≤ 5.
const shape = fc.array(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 12 }), { minLength: 7, maxLength: 7 });

let runId = 0;

describe('AZ-03 property: every list, search and count stays inside the actor’s subtree', () => {
  it('holds for random trees and random grant positions', async () => {
    await fc.assert(
      fc.asyncProperty(
        shape,
        fc.nat(),
        fc.constantFrom('org', 'subtree') as fc.Arbitrary<'org' | 'subtree'>,
        async (districts, pick, reach) => {
          runId += 1;
          const root = await addOrg(t.deps, null, `随机根${runId}`, 'committee', 'city');
          const parentOf = new Map<string, string | null>([[root, null]]);
          const all: string[] = [root];
          for (const [d, fanouts] of districts.entries()) {
            const district = await addOrg(t.deps, root, `随机${runId}区${d}`, 'committee', 'district');
            parentOf.set(district, root);
            all.push(district);
            let frontier = [district];
            for (const [level, fanout] of fanouts.slice(0, 4).entries()) {
              const next: string[] = [];
              for (const parent of frontier) {
                for (let c = 0; c < fanout; c += 1) {
                  const kind = level === 0 ? 'committee' : level === 1 ? 'branch' : 'group';
                  if (level >= 3) break;
                  const id = await addOrg(
                    t.deps,
                    parent,
                    `随机${runId}-${d}-${level}-${c}-${next.length}`,
                    kind,
                    kind === 'committee' ? 'park' : null,
                  );
                  parentOf.set(id, parent);
                  all.push(id);
                  next.push(id);
                }
              }
              frontier = next;
            }
          }
          const grantOrg = all[pick % all.length]!;
          const username = `prop_${runId}`;
          await addUser(t.deps, username, [{ role: 'committee_admin', orgId: grantOrg, reach }]);
          const s = await signIn(t.app, username);
          const inside = (id: string) => {
            if (reach === 'org') return id === grantOrg;
            for (let at: string | null | undefined = id; at; at = parentOf.get(at)) if (at === grantOrg) return true;
            return false;
          };
          const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: s.headers })).json();

          const roots = await get('/api/orgs/roots');
          expect(roots.items.map((o: { id: string }) => o.id)).toEqual([grantOrg]);
          const search = await get(`/api/orgs/search?q=${encodeURIComponent(`随机${runId}`)}`);
          for (const hit of search.items) {
            expect(inside(hit.id)).toBe(true);
            for (const step of hit.path) expect(inside(step.id)).toBe(true);
          }
          for (const id of all) {
            const res = await t.app.inject({ method: 'GET', url: `/api/orgs/${id}/children`, headers: s.headers });
            if (!inside(id)) {
              expect(res.statusCode).toBe(404);
              continue;
            }
            const children = res.json().items.map((o: { id: string }) => o.id);
            const expected = all.filter((c) => parentOf.get(c) === id && inside(c));
            expect(children.sort()).toEqual(expected.sort());
            const detail = await get(`/api/orgs/${id}`);
            const visibleDescendants = all.filter((o) => o !== id && inside(o) && isBelow(o, id, parentOf)).length;
            // The org page counts every descendant; with subtree reach all of them are visible.
            if (reach === 'subtree') expect(detail.descendantCount).toBe(visibleDescendants);
            for (const step of detail.path) expect(inside(step.id)).toBe(true);
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 240_000);
});

function isBelow(id: string, ancestor: string, parentOf: Map<string, string | null>): boolean {
  for (let at = parentOf.get(id); at; at = parentOf.get(at)) if (at === ancestor) return true;
  return false;
}
