import type { ServiceRequestSummary } from '@tongxin/contracts';
import { SERVICE_STATUS_LABELS, type ServiceStatus } from '@tongxin/contracts/labels';
import { Space, Tag } from 'antd';
import { serviceMessages as m } from './messages';

const COLORS: Record<ServiceStatus, string> = {
  open: 'warning',
  in_progress: 'processing',
  answered: 'cyan',
  closed: 'success',
  withdrawn: 'default',
};

/** The status, and an overdue flag while the committee still owes an answer. */
export function ServiceStatusTag({ r }: { r: Pick<ServiceRequestSummary, 'status' | 'overdue'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[r.status]} style={{ marginInlineEnd: 0 }} data-testid="service-status">
        {SERVICE_STATUS_LABELS[r.status]}
      </Tag>
      {r.overdue && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {m.overdue}
        </Tag>
      )}
    </Space>
  );
}
