import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerWith, fieldError } from '../../test/fetch';
import { renderWithApp } from '../../test/render';
import { CreateAccountDrawer } from './CreateAccountDrawer';

afterEach(() => vi.unstubAllGlobals());

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
/** The messages shown under a field (antd puts them in the field's form item). */
const messagesUnder = (label: string) => field(label).closest('.ant-form-item')?.textContent ?? '';
const submit = () => fireEvent.click(screen.getByTestId('create-account-submit'));

describe('CreateAccountDrawer (a form through useAction)', () => {
  it('shows the rule broken, in Chinese, under the field, and sends nothing', async () => {
    const fetch = answerWith(500, {});
    renderWithApp(<CreateAccountDrawer orgRequired={false} onClose={() => {}} onCreated={() => {}} />);
    fireEvent.change(field('用户名'), { target: { value: 'ab' } });
    submit();
    await waitFor(() => expect(messagesUnder('用户名')).toContain('用户名至少3个字符'));
    await waitFor(() => expect(messagesUnder('姓名')).toContain('请填写姓名'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it("puts the server's field message under its field and keeps everything typed", async () => {
    const fetch = answerWith(400, fieldError('username', '用户名已被使用'));
    const onCreated = vi.fn();
    renderWithApp(<CreateAccountDrawer orgRequired={false} onClose={() => {}} onCreated={onCreated} />);
    fireEvent.change(field('用户名'), { target: { value: 'wang.wu' } });
    fireEvent.change(field('姓名'), { target: { value: '王五' } });
    submit();
    await waitFor(() => expect(messagesUnder('用户名')).toContain('用户名已被使用'));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({
      username: 'wang.wu',
      displayName: '王五',
      homeOrgId: null,
    });
    expect(field('用户名').value).toBe('wang.wu');
    expect(field('姓名').value).toBe('王五');
    expect(onCreated).not.toHaveBeenCalled();
    // Every message found its field: no second copy above the form.
    expect(screen.queryByRole('alert')?.textContent ?? '').not.toContain('提交的内容有误');
  });

  it('hands the initial password on after a success', async () => {
    answerWith(201, { account: { displayName: '王五' }, initialPassword: 'Tx-12345678' });
    const onCreated = vi.fn();
    renderWithApp(<CreateAccountDrawer orgRequired={false} onClose={() => {}} onCreated={onCreated} />);
    fireEvent.change(field('用户名'), { target: { value: 'wang.wu' } });
    fireEvent.change(field('姓名'), { target: { value: '王五' } });
    submit();
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ password: 'Tx-12345678' })));
  });
});
