import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  type EventKind,
  STUDY_KIND_LABELS,
  STUDY_KINDS,
  type StudyKind,
} from '@tongxin/contracts';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../lib/forms';
import { useMe } from '../auth/api';
import { OrgPicker } from '../orgs/OrgPicker';
import { useCreateEvent } from './api';
import { eventMessages as m } from './messages';

interface Values {
  orgId: string;
  kind: EventKind;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  description?: string;
  capacity?: number | null;
  studyKind: StudyKind;
  inviteOrgId?: string | null;
}

/** A datetime-local value is Beijing wall-clock time. */
const fromLocal = (v: string) => (v ? new Date(`${v}:00+08:00`).toISOString() : '');

/** Plan an event: organiser org (where the user may plan), kind, time, place, seats, study hours, one invited org. */
export function CreateEventDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvent();
  const [error, setError] = useState<string | null>(null);
  const organisers = (me?.grants ?? []).filter((g) => (g.role === 'committee_admin' || g.role === 'secretary') && g.orgId);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      const { id } = await create.mutateAsync({
        orgId: v.orgId,
        kind: v.kind,
        title: v.title,
        startsAt: fromLocal(v.startsAt),
        endsAt: fromLocal(v.endsAt),
        place: v.place,
        description: v.description ?? '',
        capacity: v.capacity ?? null,
        studyKind: v.studyKind,
        inviteOrgIds: v.inviteOrgId ? [v.inviteOrgId] : [],
      });
      void message.success(m.created);
      onCreated(id);
    } catch (e) {
      setError(applyServerErrors(form, e, ['orgId', 'kind', 'title', 'startsAt', 'endsAt', 'place', 'capacity']));
    }
  };

  return (
    <FormDrawer
      title={m.createTitle}
      width={560}
      busy={create.isPending}
      error={error}
      submitText={m.create}
      submitTestId="event-submit"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ orgId: organisers[0]?.orgId ?? undefined, kind: 'salon', studyKind: 'none' }}
      >
        <Form.Item name="orgId" label={m.field.org} rules={[{ required: true, message: '请选择主办组织' }]}>
          <Select options={organisers.map((g) => ({ value: g.orgId as string, label: g.orgName }))} data-testid="event-org" />
        </Form.Item>
        <Form.Item name="kind" label={m.field.kind} rules={[{ required: true }]}>
          <Select options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="title" label={m.field.title} rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input maxLength={80} data-testid="event-title" />
        </Form.Item>
        <Form.Item name="startsAt" label={`${m.field.time}（开始）`} rules={[{ required: true, message: '请填写开始时间' }]}>
          <Input type="datetime-local" data-testid="event-start" />
        </Form.Item>
        <Form.Item name="endsAt" label={`${m.field.time}（结束）`} rules={[{ required: true, message: '请填写结束时间' }]}>
          <Input type="datetime-local" data-testid="event-end" />
        </Form.Item>
        <Form.Item name="place" label={m.field.place} rules={[{ required: true, message: '请填写地点' }]}>
          <Input maxLength={120} data-testid="event-place" />
        </Form.Item>
        <Form.Item name="capacity" label={m.field.capacity}>
          <InputNumber min={1} max={5000} precision={0} style={{ width: '100%' }} data-testid="event-capacity" />
        </Form.Item>
        <Form.Item name="studyKind" label={m.field.studyKind}>
          <Select options={STUDY_KINDS.map((k) => ({ value: k, label: STUDY_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="inviteOrgId" label={m.field.invites}>
          <OrgPicker allowClear />
        </Form.Item>
        <Form.Item name="description" label={m.field.description}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
