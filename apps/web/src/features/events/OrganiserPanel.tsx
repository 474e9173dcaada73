import {
  type EventDetail,
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_CATEGORY_LABELS,
  type ParticipantCategory,
  type ParticipantDto,
  REGISTRATION_STATUS_LABELS,
} from '@tongxin/contracts';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { useAddParticipant, useTickIn } from './api';
import { eventMessages as m } from './messages';

const o = m.organiser;

/** The organiser's live view: counts by the four parties, the list with tick-in, adding a guest. */
export function OrganiserPanel({ event, mobile }: { event: EventDetail; mobile: boolean }) {
  const { message } = App.useApp();
  const tick = useTickIn(event.id);
  const add = useAddParticipant(event.id);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string; unit?: string; category: ParticipantCategory }>();
  const counts = event.byCategory ?? [];
  const participants = event.participants ?? [];
  const ended = Date.parse(event.endsAt) <= Date.now();

  return (
    <Card
      title={o.title}
      size="small"
      extra={
        !ended && (
          <Flex gap={8} wrap>
            <Link to="/events/check-in">
              <Button size="small">{o.scan}</Button>
            </Link>
            <Button size="small" onClick={() => setAdding(true)} data-testid="participant-add">
              {o.add}
            </Button>
          </Flex>
        )
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }} data-testid="category-counts">
        {counts.map((c) => (
          <Card key={c.category} size="small" style={{ flex: mobile ? '1 1 40%' : '1 1 0' }} data-testid={`count-${c.category}`}>
            <Statistic title={PARTICIPANT_CATEGORY_LABELS[c.category]} value={c.checkedIn} suffix={`/ ${c.registered}`} />
            <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
              {o.checkedIn} / {o.registered}
              {c.waiting > 0 ? ` · ${o.waiting} ${c.waiting}` : ''}
            </div>
          </Card>
        ))}
      </Flex>
      <Table<ParticipantDto>
        rowKey="id"
        size="small"
        dataSource={participants}
        pagination={participants.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: o.empty }}
        scroll={mobile ? { x: 520 } : undefined}
        columns={[
          { key: 'name', title: o.colName, dataIndex: 'name' },
          { key: 'unit', title: o.colUnit, render: (_, p) => p.unit || '—' },
          { key: 'category', title: o.colCategory, render: (_, p) => PARTICIPANT_CATEGORY_LABELS[p.category] },
          {
            key: 'status',
            title: o.colStatus,
            render: (_, p) =>
              p.status === 'waiting' ? (
                <Tag color="orange">{m.mine.waiting(p.queuePosition)}</Tag>
              ) : (
                <Tag>{REGISTRATION_STATUS_LABELS[p.status]}</Tag>
              ),
          },
          {
            key: 'checkin',
            title: o.colCheckIn,
            render: (_, p) =>
              p.checkedInAt ? (
                <Tag color="green">
                  {formatDateTime(p.checkedInAt).slice(11)} {p.checkinMethod === 'code' ? o.byCode : o.byTick}
                </Tag>
              ) : p.status === 'registered' && !ended ? (
                <Button
                  size="small"
                  loading={tick.isPending && tick.variables === p.id}
                  data-testid={`tick-${p.name}`}
                  onClick={() =>
                    tick.mutate(p.id, {
                      onSuccess: (r) => void message.success(o.ticked(r.name)),
                      onError: (e) => void message.error(e.message),
                    })
                  }
                >
                  {o.tick}
                </Button>
              ) : (
                o.notYet
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={o.addTitle}
        okText={o.add}
        confirmLoading={add.isPending}
        onCancel={() => setAdding(false)}
        okButtonProps={{ id: 'participant-add-ok' }}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (!v) return;
          add.mutate(
            { name: v.name, unit: v.unit ?? '', category: v.category, userId: null },
            {
              onSuccess: () => {
                void message.success(o.added);
                form.resetFields();
                setAdding(false);
              },
              onError: (e) => void message.error(e.message),
            },
          );
        }}
        destroyOnHidden
      >
        <Form form={form} name="participant" layout="vertical" initialValues={{ category: 'enterprise_head' }}>
          <Form.Item name="name" label={m.field.name} rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={40} data-testid="participant-name" />
          </Form.Item>
          <Form.Item name="unit" label={m.field.unit}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="category" label={m.field.category} rules={[{ required: true }]}>
            <Select options={PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: PARTICIPANT_CATEGORY_LABELS[c] }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
