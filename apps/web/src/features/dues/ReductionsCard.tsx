import type { DuesReduction } from '@tongxin/contracts';
import { DUES_REDUCTION_STATUS_LABELS, formatYuan } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ItemRows } from '../../components/ItemRows';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { duesApi, useDuesReductions } from './api';
import { duesMessages as m } from './messages';

const STATUS_COLORS = { pending: 'gold', approved: 'green', rejected: 'default' } as const;

/** Reductions under the org: pending first. Approvers (one level above the branch) decide them here. */
export function ReductionsCard({ orgId, onChanged }: { orgId: string; onChanged: () => void }) {
  const list = useDuesReductions(orgId);
  const [deciding, setDeciding] = useState<DuesReduction | null>(null);
  const items = list.data ?? [];
  return (
    <Card title={m.reductionsTitle} size="small" style={{ marginTop: 16 }} data-testid="reductions">
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ItemRows
        empty={list.isPending ? null : <Empty description={m.reductionsEmpty} />}
        rows={items.map((r) => ({
          key: r.id,
          testId: 'reduction-row',
          title: (
            <Space wrap size={4}>
              <span>{r.memberName}</span>
              <Tag color={STATUS_COLORS[r.status]}>{DUES_REDUCTION_STATUS_LABELS[r.status]}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                {r.orgName}
              </Typography.Text>
            </Space>
          ),
          description: (
            <div style={{ fontSize: 13 }}>
              <div>
                {m.monthRange(r.fromMonth, r.toMonth)} · {r.amountFen === 0 ? m.exempt : m.reducedTo(formatYuan(r.amountFen))}
              </div>
              <div>{r.reason}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.requestedBy}：{r.requestedBy ?? '—'} · {formatDate(r.requestedAt)}
                {r.decidedAt &&
                  ` · ${r.decidedBy ?? ''} ${formatDate(r.decidedAt)}${r.decisionNote ? `：${r.decisionNote}` : ''}`}
                {r.status === 'pending' && !r.abilities.decide && ` · ${m.waiting}`}
              </Typography.Text>
            </div>
          ),
          extra: r.abilities.decide && (
            <Button type="primary" size="small" onClick={() => setDeciding(r)}>
              {m.decision}
            </Button>
          ),
        }))}
      />
      {deciding && (
        <DecideModal
          reduction={deciding}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function DecideModal({ reduction, onClose, onDone }: { reduction: DuesReduction; onClose: () => void; onDone: () => void }) {
  const [note, setNote] = useState('');
  const decide = useAction((decision: 'approved' | 'rejected') => duesApi.decide(reduction.id, decision, note.trim() || null), {
    inline: true,
    success: (_, decision) => `${m.decided}：${DUES_REDUCTION_STATUS_LABELS[decision]}`,
    onSuccess: onDone,
  });
  const busy = decide.busy ? decide.variables : null;
  const error = decide.formError;
  return (
    <Modal
      open
      title={`${m.decision} · ${reduction.memberName}`}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {m.cancel}
        </Button>,
        <Button key="reject" danger loading={busy === 'rejected'} onClick={() => decide.run('rejected')}>
          {m.reject}
        </Button>,
        <Button key="approve" type="primary" loading={busy === 'approved'} onClick={() => decide.run('approved')}>
          {m.approve}
        </Button>,
      ]}
    >
      <p>
        {reduction.orgName} · {m.monthRange(reduction.fromMonth, reduction.toMonth)} ·{' '}
        {reduction.amountFen === 0 ? m.exempt : m.reducedTo(formatYuan(reduction.amountFen))}
      </p>
      <p>{reduction.reason}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea
        rows={2}
        maxLength={200}
        placeholder={m.decisionNote}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}
