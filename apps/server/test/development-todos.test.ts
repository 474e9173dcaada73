import { describe, expect, it } from 'vitest';
import { Access, loadGrants } from '../src/access/access.js';
import { probationTodos } from '../src/modules/todos/todo-sources-ledger.js';
import { districtA, newFile, post, secretary, t, tree, useDevelopmentWorld, walk } from './development.support.js';
import { memberBody } from './members.support.js';

useDevelopmentWorld();

async function todosOf(username: string, source: typeof probationTodos, today: string) {
  const user = await t.deps.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const grants = await loadGrants(t.deps.db, user.id);
  return t.deps.db
    .transaction()
    .execute((trx) =>
      source({ trx, access: new Access(trx, { id: user.id, username, displayName: username }, grants), userId: user.id, today }),
    );
}

describe('the probation to-do and member development', () => {
  it('leaves a member admitted through development to the development to-do (which knows the extension)', async () => {
    const id = await newFile(undefined, { name: '袁延长' });
    await walk(id, 2, 20);
    const extended = await post(secretary, `/api/development/${id}/extend`, {
      months: 12,
      decidedOn: '2027-03-01',
      reason: '继续考察',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    // 2027-03-10: a year after the 2026-03-16 admission is within the lead time, but probation runs to 2028-03-16.
    // A probationary member put on the ledger by hand, admitted days later, is still reminded there.
    const plain = await post(
      districtA,
      '/api/members',
      memberBody(tree.branchA1, { name: '童手录', status: 'probationary', joinedOn: '2026-03-20', fullOn: null }),
    );
    expect(plain.statusCode, plain.body).toBe(201);
    const titles = (await todosOf('secretary_a1', probationTodos, '2027-03-10')).map((i) => i.title).join();
    expect(titles).toContain('童手录');
    expect(titles).not.toContain('袁延长');
  });
});
