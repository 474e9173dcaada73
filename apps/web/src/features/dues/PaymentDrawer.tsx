import type { DuesSheetRow, RecordDuesPaymentsBody } from '@tongxin/contracts';
import { fenToYuanText, formatYuan, parseYuan } from '@tongxin/contracts/labels';
import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { isApiError } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { duesApi } from './api';
import { beijingToday } from './dates';
import { duesMessages as m } from './messages';

interface Props {
  orgId: string;
  month: string;
  rows: DuesSheetRow[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Records one month's payments for one or many members at once. Each amount starts at what is due; a different
 * amount needs a note. The server checks every row first and writes nothing if one is wrong; its messages show
 * under the row they are about.
 */
export function PaymentDrawer({ orgId, month, rows, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [paidOn, setPaidOn] = useState<string | null>(beijingToday);
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.memberId, r.dueFen === null ? '' : fenToYuanText(r.dueFen)])),
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useAction((body: RecordDuesPaymentsBody) => duesApi.record(body), {
    inline: true,
    success: (res) => m.saved(res.count, formatYuan(res.totalFen)),
    onSuccess: (res) => {
      if (res.largeCount) message.warning(m.largeSaved(res.largeCount));
      onSaved();
    },
    // The server checks every row first: its messages go under the row they are about.
    onError: (e) => {
      if (!isApiError(e)) return save.setFormError(m.recordFailed);
      const byRow: Record<string, string> = {};
      for (const f of e.fields) {
        const match = /^items\.(\d+)\.(\w+)$/.exec(f.path);
        if (match) byRow[`${match[1]}.${match[2]}`] = f.message;
      }
      setErrors(byRow);
    },
  });
  const parsed = rows.map((r) => parseYuan(amounts[r.memberId] ?? ''));
  const total = parsed.reduce<number>((sum, fen) => sum + (fen ?? 0), 0);

  const submit = async () => {
    const local: Record<string, string> = {};
    parsed.forEach((fen, i) => {
      if (fen === null) local[`${i}.amountFen`] = m.amountRequired;
    });
    setErrors(local);
    if (!paidOn) return save.setFormError(m.paidOnRequired);
    if (Object.keys(local).length) return;
    save.run({
      orgId,
      month,
      paidOn,
      items: rows.map((r, i) => ({
        memberId: r.memberId,
        ...(parsed[i] !== r.dueFen ? { amountFen: parsed[i]! } : {}),
        note: notes[r.memberId]?.trim() || null,
      })),
    });
  };

  return (
    <FormDrawer
      title={m.paymentTitle(month)}
      width={560}
      busy={save.busy}
      error={save.formError}
      submitText={m.record}
      submitTestId="submit-payment"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={m.paidOnLabel} required>
          <DatePicker
            value={paidOn ? dayjs(paidOn) : null}
            onChange={(d) => setPaidOn(d ? d.format('YYYY-MM-DD') : null)}
            disabledDate={(d) => d.format('YYYY-MM-DD') > beijingToday() || d.format('YYYY-MM') < month}
            style={{ width: '100%' }}
            data-testid="paid-on"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {m.paymentCount(rows.length, formatYuan(total))} · {m.amountHint}
        </Typography.Paragraph>
        {rows.map((r, i) => {
          const differs = parsed[i] !== null && r.dueFen !== null && parsed[i] !== r.dueFen;
          const amountError = errors[`${i}.amountFen`] ?? errors[`${i}.memberId`];
          const noteError = errors[`${i}.note`];
          return (
            <div key={r.memberId} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8, marginBottom: 8 }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                <div style={{ flex: '1 1 120px', paddingTop: 4 }}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {m.due} {r.dueFen === null ? m.unset : formatYuan(r.dueFen)}
                  </Typography.Text>
                </div>
                <Form.Item
                  style={{ flex: '1 1 120px', marginBottom: 0 }}
                  validateStatus={amountError ? 'error' : undefined}
                  help={amountError}
                >
                  <Input
                    prefix="¥"
                    inputMode="decimal"
                    aria-label={`${r.name}${m.amountLabel}`}
                    value={amounts[r.memberId]}
                    onChange={(e) => setAmounts((prev) => ({ ...prev, [r.memberId]: e.target.value }))}
                  />
                </Form.Item>
              </div>
              {(differs || noteError || notes[r.memberId]) && (
                <Form.Item
                  style={{ marginTop: 8, marginBottom: 0 }}
                  validateStatus={noteError ? 'error' : undefined}
                  help={noteError}
                >
                  <Input
                    placeholder={`${m.noteLabel}：${m.notePlaceholder}`}
                    aria-label={`${r.name}${m.noteLabel}`}
                    maxLength={200}
                    value={notes[r.memberId] ?? ''}
                    onChange={(e) => setNotes((prev) => ({ ...prev, [r.memberId]: e.target.value }))}
                  />
                </Form.Item>
              )}
            </div>
          );
        })}
      </Form>
    </FormDrawer>
  );
}
