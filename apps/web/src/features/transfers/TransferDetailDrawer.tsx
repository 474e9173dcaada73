import { TRANSFER_DIRECTION_LABELS, TRANSFER_EVENT_LABELS, TRANSFER_REASON_LABELS } from '@tongxin/contracts/labels';
import { Alert, Descriptions, Drawer, Skeleton, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { useTransfer } from './api';
import { transferMessages as m } from './messages';
import { TransferActions } from './TransferActions';
import { sides, TransferStatusTag } from './TransferStatusTag';

/** One transfer as both sides see it: the letter, its dates and status, and what happened to it. */
export function TransferDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const mobile = useIsMobile();
  const { data: t, error, isLoading } = useTransfer(id);
  return (
    <Drawer open title={m.detailTitle} size={mobile ? '100%' : 560} onClose={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error.message} />}
      {isLoading && <Skeleton active />}
      {t && (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 16 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t.memberName}
            </Typography.Title>
            <TransferStatusTag t={t} />
            <div style={{ flex: 1 }} />
            <TransferActions t={t} />
          </div>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'direction',
                label: m.col.direction,
                children: `${TRANSFER_DIRECTION_LABELS[t.direction]}${t.crossProvince ? `（${m.crossProvince}）` : ''}`,
              },
              ...(t.idNumberMasked ? [{ key: 'id', label: '身份证号', children: t.idNumberMasked }] : []),
              { key: 'from', label: m.col.from, children: sides(t).from },
              { key: 'to', label: m.col.to, children: sides(t).to },
              { key: 'letter', label: m.col.letterNo, children: t.letterNo },
              { key: 'issued', label: m.col.issuedOn, children: t.issuedOn },
              { key: 'valid', label: m.col.validUntil, children: t.validUntil },
              { key: 'due', label: m.col.receiptDue, children: t.receiptDue },
              { key: 'receipt', label: m.col.receiptOn, children: t.receiptOn ?? '—' },
              { key: 'reason', label: m.col.reason, children: TRANSFER_REASON_LABELS[t.reason] },
              ...(t.note ? [{ key: 'note', label: m.col.note, children: t.note }] : []),
              ...(t.resolutionNote ? [{ key: 'resolution', label: m.col.resolution, children: t.resolutionNote }] : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {m.history}
          </Typography.Title>
          <Timeline
            items={t.events.map((e) => ({
              key: e.id,
              content: (
                <div>
                  <div>
                    {TRANSFER_EVENT_LABELS[e.action]}
                    {e.actorName && (
                      <Typography.Text type="secondary"> · {e.actorName === 'system' ? '系统' : e.actorName}</Typography.Text>
                    )}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at)}
                  </Typography.Text>
                  {e.note && <div style={{ fontSize: 13 }}>{e.note}</div>}
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
