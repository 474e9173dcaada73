import { afterAll, beforeAll, expect } from 'vitest';
import { settled, upload } from './fixtures/ledger-files.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

export const A1 = '甲一科技有限公司党支部';
export const A2 = '甲二网络有限公司党支部';
export const B1 = '乙一传媒有限公司党支部';

export interface ImportWorld {
  t: Awaited<ReturnType<typeof testApp>>;
  tree: Awaited<ReturnType<typeof standardTree>>;
  /** Two committee admins of district A (甲区): the uploader and someone else. */
  admin: Session;
  other: Session;
  /** Uploads and waits for the validation; returns the final status body. */
  validate(file: Buffer, name?: string, session?: Session): ReturnType<typeof settled>;
  memberCount(): Promise<number>;
}

/** The app, the standard tree and two district-A admins, set up before the file's tests and closed after. */
export function importWorld(): ImportWorld {
  const world = {} as ImportWorld;
  beforeAll(async () => {
    const t = await testApp();
    const tree = await standardTree(t.deps);
    await addUser(t.deps, 'imp_admin', [{ role: 'committee_admin', orgId: tree.districtA }]);
    await addUser(t.deps, 'imp_other', [{ role: 'committee_admin', orgId: tree.districtA }]);
    const admin = await signIn(t.app, 'imp_admin');
    const other = await signIn(t.app, 'imp_other');
    Object.assign(world, {
      t,
      tree,
      admin,
      other,
      async validate(file: Buffer, name = '党员名册.xlsx', session = admin) {
        const res = await upload(t.app, session.headers, name, file);
        expect(res.statusCode, res.body).toBe(202);
        return settled(t.app, session.headers, res.json().id);
      },
      async memberCount() {
        const row = await t.deps.db
          .selectFrom('member')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
    });
  });
  afterAll(() => world.t.close());
  return world;
}
