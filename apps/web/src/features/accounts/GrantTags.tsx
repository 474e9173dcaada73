import type { AccountView } from '@tongxin/contracts';
import { ROLE_LABELS } from '@tongxin/contracts/labels';
import { App, Tag, Typography } from 'antd';
import { isApiError } from '../../lib/api';
import { accountApi, useInvalidateAccounts } from './api';
import { accountMessages as m } from './messages';

/** The account's grants as tags; closable (revoke, after a confirmation) when the user may grant. */
export function GrantTags({ account, readOnly = false }: { account: AccountView; readOnly?: boolean }) {
  const { modal, message } = App.useApp();
  const invalidate = useInvalidateAccounts();
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
                onOk: async () => {
                  try {
                    await accountApi.revokeGrant(g.id);
                    await invalidate();
                    message.success(m.grantRevoked);
                  } catch (err) {
                    message.error(isApiError(err) ? err.message : '操作失败');
                  }
                },
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
