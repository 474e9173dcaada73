import type { DuesCategory, DuesSheetRow } from '@tongxin/contracts';
import {
  DUES_CATEGORIES,
  DUES_CATEGORY_LABELS,
  duesCategoryHasBase,
  duesRulesFor,
  fenToYuanText,
  formatYuan,
  monthlyDues,
  parseYuan,
} from '@tongxin/contracts/labels';
import { Alert, App, Button, DatePicker, Divider, Form, Input, Modal, Select, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { duesApi, useDuesMember } from './api';
import { beijingMonth } from './dates';
import { duesMessages as m } from './messages';

interface Values {
  category: DuesCategory;
  base?: string;
  fixed?: number;
  fromMonth: dayjs.Dayjs;
}

const FARMER_AMOUNTS = [20, 40, 60, 80, 100];

/** A member's dues category and base from a month on, with the base's history and the payments (revocable). */
export function ProfileDrawer({ row, onClose, onSaved }: { row: DuesSheetRow; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useDuesMember(row.memberId);
  const [revoking, setRevoking] = useState<{ id: string; month: string } | null>(null);
  const category = Form.useWatch('category', form) ?? row.category ?? 'employee';
  const base = Form.useWatch('base', form);
  const fixed = Form.useWatch('fixed', form);
  const fromMonth = Form.useWatch('fromMonth', form);
  const month = fromMonth ? fromMonth.format('YYYY-MM') : beijingMonth();
  const baseFen = duesCategoryHasBase(category) ? parseYuan(base ?? '') : null;
  const preview =
    duesCategoryHasBase(category) && (baseFen === null || baseFen <= 0)
      ? null
      : monthlyDues({ category, baseFen, fixedFen: category === 'farmer' ? (fixed ?? null) : null }, duesRulesFor(month));

  const save = useAction(
    (v: Values) => {
      const hasBase = duesCategoryHasBase(v.category);
      return duesApi.setProfile(row.memberId, {
        category: v.category,
        baseFen: hasBase ? parseYuan(v.base ?? '') : null,
        fixedFen: v.category === 'farmer' ? (v.fixed ?? null) : null,
        fromMonth: v.fromMonth.format('YYYY-MM'),
      });
    },
    {
      form,
      // The API speaks in fen, the form in 元.
      fields: { category: 'category', baseFen: 'base', fixedFen: 'fixed', fromMonth: 'fromMonth' },
      success: (res) => `${m.profileSaved}：${m.preview(formatYuan(res.monthlyFen))}`,
      onSuccess: onSaved,
    },
  );
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) save.run(v);
  };

  return (
    <FormDrawer
      title={m.profileTitle(row.name)}
      busy={save.busy}
      error={save.formError}
      onSubmit={submit}
      onClose={onClose}
      submitTestId="submit-profile"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          category: row.category ?? 'employee',
          base: row.baseFen === null ? undefined : fenToYuanText(row.baseFen),
          fixed: row.fixedFen ?? 20,
          fromMonth: dayjs(`${row.category ? beijingMonth() : (row.startMonth ?? beijingMonth())}-01`),
        }}
      >
        <Form.Item name="category" label={m.categoryLabel} rules={[{ required: true, message: m.categoryRequired }]}>
          <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))} />
        </Form.Item>
        {duesCategoryHasBase(category) && (
          <Form.Item
            name="base"
            label={m.baseLabel}
            extra={m.baseHint}
            rules={[
              { required: true, message: m.baseRequired },
              {
                validator: async (_, v) => (v && parseYuan(v) === null ? Promise.reject(new Error(m.amountInvalid)) : undefined),
              },
            ]}
          >
            <Input prefix="¥" inputMode="decimal" placeholder={m.basePlaceholder} data-testid="base-input" />
          </Form.Item>
        )}
        {category === 'farmer' && (
          <Form.Item name="fixed" label={m.fixedLabel} extra={m.fixedHint}>
            <Select options={FARMER_AMOUNTS.map((f) => ({ value: f, label: formatYuan(f) }))} />
          </Form.Item>
        )}
        <Form.Item name="fromMonth" label={m.fromMonthLabel} rules={[{ required: true, message: m.fromMonthRequired }]}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        {preview !== null && <Alert type="info" showIcon title={m.preview(formatYuan(preview))} data-testid="profile-preview" />}
      </Form>
      <Divider titlePlacement="start">{m.history}</Divider>
      {record.data && record.data.profiles.length === 0 && <Typography.Text type="secondary">{m.historyEmpty}</Typography.Text>}
      <Timeline
        items={(record.data?.profiles ?? []).map((p) => ({
          key: `${p.fromMonth}-${p.setAt}`,
          content: (
            <div>
              <Typography.Text strong>{p.fromMonth}</Typography.Text> {DUES_CATEGORY_LABELS[p.category]}
              {p.baseFen !== null && ` · ${formatYuan(p.baseFen)}`} · {m.monthly(formatYuan(p.monthlyFen))}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {p.setBy ?? '—'} · {formatDateTime(p.setAt)}
                {p.note ? ` · ${p.note}` : ''}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      <Divider titlePlacement="start">{m.payments}</Divider>
      {record.data && record.data.payments.length === 0 && <Typography.Text type="secondary">{m.paymentsEmpty}</Typography.Text>}
      {(record.data?.payments ?? []).slice(0, 24).map((p) => (
        <div key={p.id} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '4px 0' }}>
          <span style={{ textDecoration: p.revokedAt ? 'line-through' : undefined }}>
            {p.month} · {formatYuan(p.amountFen)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              · {p.paidOn}
              {p.note ? ` · ${p.note}` : ''}
            </Typography.Text>
            {p.large && (
              <Tag color="volcano" style={{ marginInlineStart: 6 }}>
                {m.largeTag}
              </Tag>
            )}
          </span>
          {p.revokedAt ? (
            <Tag>{m.revoked}</Tag>
          ) : (
            <Button size="small" type="link" danger onClick={() => setRevoking({ id: p.id, month: p.month })}>
              {m.revoke}
            </Button>
          )}
        </div>
      ))}
      {revoking && (
        <RevokeModal
          payment={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            message.success(m.revoked_);
            void record.refetch();
            onSaved();
          }}
        />
      )}
    </FormDrawer>
  );
}

function RevokeModal({
  payment,
  onClose,
  onDone,
}: {
  payment: { id: string; month: string };
  onClose: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const revoke = useAction(() => duesApi.revoke(payment.id, reason), { inline: true, onSuccess: onDone });
  const error = revoke.formError;
  return (
    <Modal
      open
      title={`${m.revokeTitle}（${payment.month}）`}
      okText={m.revoke}
      okButtonProps={{ danger: true, loading: revoke.busy }}
      onOk={() => revoke.run()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={m.revokeReason} required validateStatus={error ? 'error' : undefined} help={error}>
          <Input
            value={reason}
            maxLength={200}
            placeholder={m.revokeReasonPlaceholder}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
