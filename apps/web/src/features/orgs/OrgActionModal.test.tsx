import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { OrgDetail } from '@tongxin/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerWith, fieldError } from '../../test/fetch';
import { renderWithApp } from '../../test/render';
import { OrgActionModal } from './OrgActionModal';

afterEach(() => vi.unstubAllGlobals());

const org: OrgDetail = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  parentId: '0190a0a0-0000-7000-8000-000000000000',
  name: '甲一科技有限公司党支部',
  kind: 'branch',
  level: null,
  status: 'active',
  childCount: 0,
  foundedOn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  archivedAt: null,
  archiveReason: null,
  mergedInto: null,
  path: [],
  descendantCount: 0,
  fullMemberCount: 0,
  committee: null,
  warnings: [],
  abilities: { manage: true, manageCommittee: true, manageAccounts: true },
};

const nameInput = () => screen.getByLabelText('新名称') as HTMLInputElement;
const under = () => nameInput().closest('.ant-form-item')?.textContent ?? '';
const ok = () => fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));

describe('OrgActionModal: rename (a modal form through useAction)', () => {
  it('an empty name is refused under the field, in Chinese, before anything is sent', async () => {
    const fetch = answerWith(500, {});
    renderWithApp(<OrgActionModal org={org} action="rename" onClose={() => {}} />);
    fireEvent.change(nameInput(), { target: { value: '  ' } });
    ok();
    await waitFor(() => expect(under()).toContain('请填写组织名称'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it("the server's answer lands under the name, the name typed stays, the modal stays open", async () => {
    answerWith(409, fieldError('name', '上级组织下已有同名组织'));
    const onClose = vi.fn();
    renderWithApp(<OrgActionModal org={org} action="rename" onClose={onClose} />);
    fireEvent.change(nameInput(), { target: { value: '甲一科技党支部' } });
    ok();
    await waitFor(() => expect(under()).toContain('上级组织下已有同名组织'));
    expect(nameInput().value).toBe('甲一科技党支部');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('a success says so and closes', async () => {
    answerWith(200, { ok: true });
    const onClose = vi.fn();
    renderWithApp(<OrgActionModal org={org} action="rename" onClose={onClose} />);
    fireEvent.change(nameInput(), { target: { value: '甲一科技党支部' } });
    ok();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    await screen.findByText('已更名');
  });
});
