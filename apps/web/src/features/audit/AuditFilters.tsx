import { FilterOutlined } from '@ant-design/icons';
import { AUDIT_RESULT_LABELS } from '@tongxin/contracts/labels';
import { AutoComplete, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AuditFilter } from './api';
import { AUDIT_TYPE_GROUPS, AUDIT_TYPE_LABELS, auditMessages as m } from './messages';

interface Values {
  type?: string;
  actor?: string;
  result?: AuditFilter['result'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

type FilterPart = Omit<AuditFilter, 'page' | 'pageSize'>;

const typeOptions = [
  ...AUDIT_TYPE_GROUPS,
  ...Object.entries(AUDIT_TYPE_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` })),
];

export function AuditFilters({
  value,
  onSearch,
  mobile,
}: {
  value: FilterPart;
  onSearch: (f: FilterPart) => void;
  mobile: boolean;
}) {
  const [form] = Form.useForm<Values>();
  // On a phone the filter bar folds away behind one button.
  const [open, setOpen] = useState(false);
  const active = Object.values(value).filter((v) => v !== undefined && v !== '').length;
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for value's content (the URL)
  useEffect(() => {
    form.setFieldsValue({
      type: value.type,
      actor: value.actor,
      result: value.result,
      range: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null,
    });
  }, [key]);

  const submit = (v: Values) =>
    onSearch({
      type: v.type?.trim() || undefined,
      actor: v.actor?.trim() || undefined,
      result: v.result,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });

  return (
    <>
      {mobile && (
        <Button onClick={() => setOpen(!open)} style={{ marginBottom: 12 }} icon={<FilterOutlined />}>
          {m.filters}
          {active > 0 ? `（${active}）` : ''}
        </Button>
      )}
      <Form<Values>
        hidden={mobile && !open}
        form={form}
        layout={mobile ? 'vertical' : 'inline'}
        onFinish={submit}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="type" label={m.type}>
          <AutoComplete
            options={typeOptions}
            placeholder={m.typePlaceholder}
            style={{ width: mobile ? '100%' : 240 }}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.value ?? '').includes(input) || String(option?.label ?? '').includes(input),
            }}
            allowClear
          />
        </Form.Item>
        <Form.Item name="actor" label={m.actor}>
          <Input placeholder={m.actorPlaceholder} style={{ width: mobile ? '100%' : 170 }} allowClear />
        </Form.Item>
        <Form.Item name="result" label={m.result}>
          <Select
            allowClear
            placeholder={m.resultPlaceholder}
            style={{ width: mobile ? '100%' : 120 }}
            options={Object.entries(AUDIT_RESULT_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="range" label={m.dateRange}>
          <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} style={{ width: mobile ? '100%' : 260 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {m.query}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onSearch({});
              }}
            >
              {m.reset}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </>
  );
}
