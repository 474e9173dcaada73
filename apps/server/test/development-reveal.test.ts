import { describe, expect, it } from 'vitest';
import { applicantBody, get, newFile, post, secretary, secretaryB, t, tree, useDevelopmentWorld } from './development.support.js';
import { PASSWORD } from './support.js';

useDevelopmentWorld();

describe('revealing a person in development (AZ-05)', () => {
  it('shows the full ID number and phone after the password and a reason, audited; the file shows them masked', async () => {
    const body = applicantBody(tree.branchA1, { name: '彭明' });
    const res = await post(secretary, '/api/development', body);
    const id = res.json().id as string;
    const file = (await get(secretary, `/api/development/${id}`)).json();
    expect(file.idNumberMasked).not.toBe(body.idNumber);
    expect(JSON.stringify(file)).not.toContain(body.idNumber as string);

    const wrong = await post(secretary, `/api/development/${id}/reveal`, { password: 'wrong-password', reason: '联系谈话' });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    const ok = await post(secretary, `/api/development/${id}/reveal`, { password: PASSWORD, reason: '联系谈话' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ idNumber: body.idNumber, phone: '13900001111' });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('type', '=', 'development.reveal')
      .where('object_id', '=', id)
      .where('result', '=', 'success')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toContain('联系谈话');
    expect(audit[0]!.detail).not.toContain(body.idNumber as string);
  });

  it('is not found for another branch', async () => {
    const id = await newFile(tree.branchA1, { name: '贺亮' });
    expect(
      (await post(secretaryB, `/api/development/${id}/reveal`, { password: PASSWORD, reason: '核对身份信息' })).statusCode,
    ).toBe(404);
  });
});
