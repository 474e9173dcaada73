import type { EnterpriseDetail } from '@tongxin/contracts';
import { Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAction } from '../../lib/useAction';
import { useDebounced } from '../../lib/useDebounced';
import { enterpriseApi, useCandidates, useInvalidateEnterprises } from './api';
import { enterpriseMessages as m } from './messages';

/** The enterprise-contact accounts that act for it; committee admins link and unlink them. */
export function EnterpriseContacts({ e }: { e: EnterpriseDetail }) {
  const [picking, setPicking] = useState(false);
  const [q, setQ] = useState('');
  const candidates = useCandidates('enterprise_contact', useDebounced(q), picking);
  const act = useAction((job: { run: () => Promise<unknown>; done: string }) => job.run(), {
    invalidate: useInvalidateEnterprises(),
    success: (_, job) => job.done,
  });
  const run = (action: () => Promise<unknown>, done: string) => act.run({ run: action, done });
  return (
    <div>
      {e.contacts.length === 0 && <Typography.Text type="secondary">{m.detail.noContacts}</Typography.Text>}
      <Space wrap>
        {e.contacts.map((c) =>
          e.abilities.manage ? (
            <Popconfirm
              key={c.userId}
              title={`解除 ${c.displayName} 的联络员身份？`}
              onConfirm={() => run(() => enterpriseApi.removeContact(e.id, c.userId), '已解除')}
            >
              <Tag closable onClose={(ev) => ev.preventDefault()} style={{ cursor: 'pointer' }}>
                {c.displayName}（{c.username}）
              </Tag>
            </Popconfirm>
          ) : (
            <Tag key={c.userId}>
              {c.displayName}（{c.username}）
            </Tag>
          ),
        )}
      </Space>
      {e.abilities.manage &&
        (picking ? (
          <Select
            autoFocus
            open
            style={{ width: '100%', marginTop: 8 }}
            placeholder={m.contactPick}
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={candidates.isFetching}
            options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` }))}
            notFoundContent="没有可选的账号：请先在“账号与授权”中为其授予“企业联络员”角色"
            onBlur={() => setPicking(false)}
            onChange={(userId: string) => {
              setPicking(false);
              run(() => enterpriseApi.addContact(e.id, userId), '已关联');
            }}
          />
        ) : (
          <div style={{ marginTop: 8 }}>
            <Button size="small" onClick={() => setPicking(true)}>
              {m.detail.addContact}
            </Button>
          </div>
        ))}
    </div>
  );
}
