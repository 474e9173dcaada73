import { DownOutlined } from '@ant-design/icons';
import type { AccountView } from '@tongxin/contracts';
import { App, Button, Dropdown, Space } from 'antd';
import { useAction } from '../../lib/useAction';
import { accountApi, useInvalidateAccounts } from './api';
import { accountMessages as m } from './messages';
import type { Secret } from './SecretModal';

interface Props {
  account: AccountView;
  /** The security admin ends sessions of any account (no per-row ability for it yet). */
  onGrant: (account: AccountView) => void;
  onSecret: (secret: Secret) => void;
}

type Item = { key: string; label: string; danger?: boolean; run: () => void };

export function AccountActions({ account: a, onGrant, onSecret }: Props) {
  const { modal } = App.useApp();

  const act = useAction((job: { run: () => Promise<unknown>; done: string }) => job.run(), {
    invalidate: useInvalidateAccounts(),
    success: (_, job) => job.done,
  });
  const confirm = (content: string, run: () => Promise<unknown>, done: string, danger = false) =>
    modal.confirm({
      title: '请确认',
      content,
      okButtonProps: { danger },
      // The error is shown by useAction; the dialog closes either way.
      onOk: () => act.mutateAsync({ run, done }).catch(() => undefined),
    });

  const items: Item[] = [];
  if (a.abilities.manage) {
    items.push(
      a.disabled
        ? {
            key: 'enable',
            label: m.enable,
            run: () => confirm(m.confirmEnable(a.displayName), () => accountApi.enable(a.id), m.enabledDone),
          }
        : {
            key: 'disable',
            label: m.disable,
            danger: true,
            run: () => confirm(m.confirmDisable(a.displayName), () => accountApi.disable(a.id), m.disabledDone, true),
          },
      {
        key: 'reset',
        label: m.resetPassword,
        run: () =>
          confirm(
            m.confirmReset(a.displayName),
            async () => {
              const { temporaryPassword } = await accountApi.resetPassword(a.id);
              onSecret({ title: m.tempPasswordTitle, label: m.tempPasswordFor(a.displayName), password: temporaryPassword });
            },
            m.done,
            true,
          ),
      },
    );
  }
  if (a.abilities.unlock && a.locked)
    items.push({
      key: 'unlock',
      label: m.unlock,
      run: () => confirm(m.confirmUnlock(a.displayName), () => accountApi.unlock(a.id), m.unlockedDone),
    });
  if (a.abilities.revokeSessions)
    items.push({
      key: 'sessions',
      label: m.revokeSessions,
      run: () => confirm(m.confirmRevoke(a.displayName), () => accountApi.revokeSessions(a.id), m.revokedDone),
    });

  if (!a.abilities.grant && items.length === 0) return null;
  return (
    <Space size={4} wrap>
      {a.abilities.grant && (
        <Button size="small" type="link" onClick={() => onGrant(a)} data-testid="grant-button">
          {m.grant}
        </Button>
      )}
      {items.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{ items: items.map(({ key, label, danger, run }) => ({ key, label, danger, onClick: run })) }}
        >
          <Button size="small" type="link">
            {m.more} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
