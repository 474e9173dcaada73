import type { TransferSummary } from '@tongxin/contracts';
import { TRANSFER_STATUS_LABELS, type TransferStatus } from '@tongxin/contracts/labels';
import { Space, Tag } from 'antd';
import { transferMessages as m } from './messages';

const COLORS: Record<TransferStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  rejected: 'warning',
  cancelled: 'default',
};

/** The status, and for a pending transfer its overdue flags (a transfer out waits for its receipt, not acceptance). */
export function TransferStatusTag({ t }: { t: Pick<TransferSummary, 'status' | 'direction' | 'flags'> }) {
  const label = t.status === 'pending' && t.direction === 'out' ? '待回执' : TRANSFER_STATUS_LABELS[t.status];
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[t.status]} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
      {t.flags.expired && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {m.expired}
        </Tag>
      )}
      {t.flags.receiptOverdue && !t.flags.expired && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {m.receiptOverdue}
        </Tag>
      )}
    </Space>
  );
}

/** Where from and where to, as the letter names them (an org outside the city by its free-text name). */
export function sides(t: TransferSummary): { from: string; to: string } {
  return {
    from: t.fromOrg?.name ?? `${t.externalOrgName ?? ''}${m.outsideCity}`,
    to: t.toOrg?.name ?? `${t.externalOrgName ?? ''}${m.outsideCity}`,
  };
}
