import type { DuesSheetRow } from '@tongxin/contracts';
import { formatYuan, parseYuan } from '@tongxin/contracts/labels';
import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { duesApi } from './api';
import { duesMessages as m } from './messages';

interface Values {
  fromMonth: dayjs.Dayjs;
  toMonth: dayjs.Dayjs;
  amount: string;
  reason: string;
}

/** The branch asks the level above to reduce or waive a member's dues for some months. */
export function ReductionDrawer({
  row,
  month,
  onClose,
  onSaved,
}: {
  row: DuesSheetRow;
  month: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const send = useAction(
    (v: Values) =>
      duesApi.requestReduction({
        memberId: row.memberId,
        fromMonth: v.fromMonth.format('YYYY-MM'),
        toMonth: v.toMonth.format('YYYY-MM'),
        amountFen: parseYuan(v.amount) ?? 0,
        reason: v.reason,
      }),
    {
      form,
      fields: { fromMonth: 'fromMonth', toMonth: 'toMonth', amountFen: 'amount', reason: 'reason' },
      success: m.reductionSent,
      onSuccess: onSaved,
    },
  );
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) send.run(v);
  };
  return (
    <FormDrawer
      title={m.reductionTitle(row.name)}
      busy={send.busy}
      error={send.formError}
      onSubmit={submit}
      onClose={onClose}
      submitText={m.submitReduction}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ fromMonth: dayjs(`${month}-01`), toMonth: dayjs(`${month}-01`).add(2, 'month'), amount: '0' }}
      >
        <Form.Item label={m.due}>{row.standardFen === null ? m.unset : formatYuan(row.standardFen)}</Form.Item>
        <Form.Item name="fromMonth" label={m.fromMonth} rules={[{ required: true, message: m.fromMonthRequired }]}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="toMonth" label={m.toMonth} rules={[{ required: true, message: m.toMonthRequired }]}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={m.reducedAmount}
          extra={m.reducedAmountHint}
          rules={[
            {
              validator: async (_, v) => (parseYuan(v ?? '') === null ? Promise.reject(new Error(m.amountInvalid)) : undefined),
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={m.reason}
          rules={[
            { required: true, message: m.reasonRequired },
            { min: 4, message: m.reasonTooShort },
          ]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={m.reasonPlaceholder} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
