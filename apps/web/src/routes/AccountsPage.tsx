import { PlusOutlined } from '@ant-design/icons';
import type { AccountView } from '@tongxin/contracts';
import { Alert, Button, Card, Empty, Input, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { AccountActions } from '../features/accounts/AccountActions';
import { AccountList } from '../features/accounts/AccountList';
import { useAccounts } from '../features/accounts/api';
import { CreateAccountDrawer } from '../features/accounts/CreateAccountDrawer';
import { GrantDrawer } from '../features/accounts/GrantDrawer';
import { accountMessages as m } from '../features/accounts/messages';
import { type Secret, SecretModal } from '../features/accounts/SecretModal';
import { useMe } from '../features/auth/api';
import { formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const toInt = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export default function AccountsPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = toInt(params.get('page'), 1);
  const pageSize = Math.min(toInt(params.get('pageSize'), 20), 100);
  const accounts = useAccounts({ q, page, pageSize });
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<AccountView | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [draft, setDraft] = useState(q);
  if (!me) return null;

  const canCreate = me.abilities.createAccounts;
  const update = (next: Record<string, string | number>) => {
    const merged = { q, page, pageSize, ...next };
    const out: Record<string, string> = {};
    if (merged.q) out.q = String(merged.q);
    if (merged.page !== 1) out.page = String(merged.page);
    if (merged.pageSize !== 20) out.pageSize = String(merged.pageSize);
    setParams(out);
  };
  const total = accounts.data?.total ?? 0;
  const empty = <Empty description={q ? m.emptySearch : canCreate ? m.empty : m.emptyReadonly} />;

  return (
    <Card>
      <PageHeader title={m.title}>
        <Space wrap style={mobile ? { width: '100%' } : undefined} styles={{ item: mobile ? { flex: '1 1 100%' } : undefined }}>
          <Input.Search
            allowClear
            placeholder={m.searchPlaceholder}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(value) => update({ q: value.trim(), page: 1 })}
            style={{ width: mobile ? '100%' : 260 }}
            enterButton="查询"
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-account">
              {m.create}
            </Button>
          )}
        </Space>
      </PageHeader>
      {accounts.error && <Alert type="error" showIcon title={accounts.error.message} style={{ marginBottom: 16 }} />}
      <AccountList
        items={accounts.data?.items ?? []}
        loading={accounts.isFetching}
        empty={empty}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (p, size) => update({ page: size !== pageSize ? 1 : p, pageSize: size }),
        }}
        actions={(a) => <AccountActions account={a} onGrant={setGranting} onSecret={setSecret} />}
      />
      {creating && (
        <CreateAccountDrawer
          orgRequired={!me.abilities.createAccountsWithoutOrg}
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
          }}
        />
      )}
      {granting && <GrantDrawer account={granting} adminRoles={me.abilities.grantAdminRoles} onClose={() => setGranting(null)} />}
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
