import { MEMBER_STATUS_LABELS, type MemberStatus } from '@tongxin/contracts/labels';
import { Tag } from 'antd';
import { STATUS_COLORS } from './messages';

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {MEMBER_STATUS_LABELS[status]}
    </Tag>
  );
}
