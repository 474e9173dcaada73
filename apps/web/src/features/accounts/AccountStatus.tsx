import type { AccountView } from '@tongxin/contracts';
import { Tag } from 'antd';
import { accountMessages as m } from './messages';

export function AccountStatus({ account: a }: { account: AccountView }) {
  const tags = [
    a.disabled && <Tag key="d">{m.statusDisabled}</Tag>,
    a.locked && (
      <Tag key="l" color="red">
        {m.statusLocked}
      </Tag>
    ),
    a.mustChangePassword && (
      <Tag key="p" color="orange">
        {m.statusMustChange}
      </Tag>
    ),
  ].filter(Boolean);
  return tags.length ? tags : <Tag color="green">{m.statusNormal}</Tag>;
}
