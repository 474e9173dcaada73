import type { AccountView } from '@tongxin/contracts';
import { ROLE_LABELS } from '@tongxin/contracts/labels';
import { App, Tag, Typography } from 'antd';
import { useAction } from '../../lib/useAction';
import { accountApi, useInvalidateAccounts } from './api';
import { accountMessages as m } from './messages';

/** The account's grants as tags; closable (revoke, after a confirmation) when the user may grant. */
export function GrantTags({ account, readOnly = false }: { account: AccountView; readOnly?: boolean }) {
  const { modal } = App.useApp();
  const revoke = useAction((grantId: string) => accountApi.revokeGrant(grantId), {
    invalidate: useInvalidateAccounts(),
    success: m.grantRevoked,
  });
  if (!account.grants.length) return <Typography.Text type="secondary">{m.noGrants}</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {account.grants.map((g) => {
        const org = g.orgName ?? m.systemWide;
        const text = `${ROLE_LABELS[g.role]} · ${org}${g.reach === 'org' ? '（仅本组织）' : ''}`;
        return (
          <Tag
            key={g.id}
            color="red"
            variant="outlined"
            style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
            closable={account.abilities.grant && !readOnly}
            onClose={(e) => {
              e.preventDefault();
              modal.confirm({
                title: m.revokeGrantTitle,
                content: m.confirmRevokeGrant(ROLE_LABELS[g.role], org),
                okButtonProps: { danger: true },
                onOk: () => revoke.mutateAsync(g.id).catch(() => undefined),
              });
            }}
          >
            {text}
          </Tag>
        );
      })}
    </div>
  );
}
