import type { MeetingBody, MeetingDetail, MeetingKind } from '@tongxin/contracts';
import {
  frequencyFor,
  type MeetingKind as Kind,
  MEETING_KIND_LABELS,
  periodLabel,
  periodsOfYear,
} from '@tongxin/contracts/labels';
import { DatePicker, Divider, Empty, Form, Input, Segmented, Select, Switch, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { AttendanceChips, type AttendanceValue } from './AttendanceChips';
import { meetingApi, useRoster, useRules } from './api';
import { FORM_FIELDS, initialValues, type MeetingFormValues, meetingBody, VOTING_KINDS } from './form-values';
import { MinutesField } from './MinutesField';
import { meetingMessages as m } from './messages';
import { ResolutionFields } from './ResolutionFields';

interface Props {
  org: { id: string; name: string; kind: string };
  /** Editing an existing meeting (a plan to record, or a record to correct). */
  meeting?: MeetingDetail;
  mode: 'planned' | 'held';
  initialKind?: MeetingKind;
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** Plan a meeting or record one (phone first: big chips for attendance, photos from the camera roll). */
export function MeetingFormDrawer({ org, meeting, mode, initialKind, onClose, onSaved }: Props) {
  const [form] = Form.useForm<MeetingFormValues>();
  const rules = useRules();
  const kinds: MeetingKind[] =
    org.kind === 'group' ? ['group_meeting'] : (Object.keys(MEETING_KIND_LABELS) as Kind[]).filter((k) => k !== 'group_meeting');
  const initial = initialValues(meeting, mode, initialKind && kinds.includes(initialKind) ? initialKind : kinds[0]!);
  const kind = (Form.useWatch('kind', form) ?? initial.kind) as MeetingKind;
  const status = (Form.useWatch('status', form) ?? initial.status) as 'planned' | 'held';
  const date = (Form.useWatch('date', form) ?? initial.date) as Dayjs | undefined;
  const attendance = (Form.useWatch('attendance', form) ?? initial.attendance ?? {}) as AttendanceValue;
  const makeUp = Form.useWatch('makeUp', form) as boolean | undefined;
  const held = status === 'held';
  const day = date?.format('YYYY-MM-DD');
  const roster = useRoster(org.id, kind, day, held);

  // 补开 choices: the kind's periods that ended before the meeting day, most recent first.
  const makeUpChoices = useMemo(() => {
    if (!day) return [];
    const year = Number(day.slice(0, 4));
    const out: { value: string; label: string }[] = [];
    for (const y of [year, year - 1]) {
      const f = frequencyFor(kind, y, rules.data?.overrides ?? []);
      for (const p of periodsOfYear(y, f).reverse()) if (p.end < day) out.push({ value: p.key, label: periodLabel(p.key) });
    }
    return out.slice(0, 8);
  }, [day, kind, rules.data]);

  const electorate = useMemo(() => {
    const members = roster.data?.members ?? [];
    const present = (p: { id: string }) => attendance[p.id] === 'present';
    if (kind === 'committee_meeting') {
      return { entitled: roster.data?.committeeSize ?? members.length, present: members.filter(present).length, committee: true };
    }
    const full = members.filter((p) => p.memberStatus === 'full');
    return { entitled: full.length, present: full.filter(present).length, committee: false };
  }, [roster.data, attendance, kind]);

  const save = useAction((body: MeetingBody) => (meeting ? meetingApi.update(meeting.id, body) : meetingApi.create(body)), {
    form,
    fields: FORM_FIELDS,
    success: m.saved,
    onSuccess: ({ id }) => onSaved(id),
  });
  const submit = async () => {
    save.setFormError(null);
    const v = await form.validateFields().catch(() => null);
    if (v) save.run(meetingBody(org.id, v as MeetingFormValues, roster.data));
  };

  const title = meeting
    ? mode === 'held' && meeting.status === 'planned'
      ? m.formRecord
      : m.formEdit
    : mode === 'held'
      ? m.record
      : m.formPlan;
  return (
    <FormDrawer
      title={`${title} · ${org.name}`}
      width={720}
      busy={save.busy}
      error={save.formError}
      onSubmit={submit}
      onClose={onClose}
      submitTestId="meeting-save"
    >
      <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional" data-testid="meeting-form">
        <Form.Item name="kind" label={m.kind} rules={[{ required: true, message: '请选择会议类型' }]}>
          <Select
            options={kinds.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
            disabled={Boolean(meeting)}
            data-testid="meeting-kind"
          />
        </Form.Item>
        <Form.Item name="status" label={m.mode}>
          <Segmented
            block
            options={[
              { value: 'planned', label: m.modePlanned, disabled: meeting?.status === 'held' },
              { value: 'held', label: m.modeHeld },
            ]}
            data-testid="meeting-mode"
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="date"
            label={m.date}
            rules={[{ required: true, message: '请选择会议日期' }]}
            style={{ flex: '1 1 160px' }}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly data-testid="meeting-date" />
          </Form.Item>
          <Form.Item
            name="time"
            label={m.time}
            rules={[{ required: true, message: '请选择开始时间' }]}
            style={{ flex: '1 1 120px' }}
          >
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              style={{ width: '100%' }}
              allowClear={false}
              inputReadOnly
              needConfirm={false}
              data-testid="meeting-time"
            />
          </Form.Item>
        </div>
        <Form.Item name="place" label={m.place} rules={[{ required: true, message: '请填写会议地点' }]}>
          <Input placeholder={m.placePh} maxLength={80} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="host"
            label={m.host}
            rules={[{ required: true, message: '请填写主持人' }]}
            style={{ flex: '1 1 140px' }}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="recorder" label={m.recorder} style={{ flex: '1 1 140px' }}>
            <Input maxLength={40} />
          </Form.Item>
          {kind === 'party_lecture' && (
            <Form.Item
              name="lecturer"
              label={m.lecturer}
              rules={held ? [{ required: true, message: '请填写讲课人' }] : []}
              style={{ flex: '1 1 140px' }}
            >
              <Input maxLength={40} />
            </Form.Item>
          )}
        </div>
        <Form.Item name="topics" label={m.topics} rules={[{ required: true, message: '请填写会议议题' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={m.topicsPh} maxLength={1000} />
        </Form.Item>
        {held && (
          <>
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
              <Form.Item name="makeUp" label={m.makeUp} valuePropName="checked" tooltip={m.makeUpHint}>
                <Switch data-testid="meeting-makeup" />
              </Form.Item>
              {makeUp && (
                <Form.Item
                  name="makesUpPeriod"
                  label={m.makeUpPeriod}
                  rules={[{ required: true, message: '请选择补开哪一期' }]}
                  style={{ flex: '1 1 200px' }}
                >
                  <Select options={makeUpChoices} data-testid="meeting-makeup-period" />
                </Form.Item>
              )}
            </div>
            <Divider titlePlacement="start">{m.attendance}</Divider>
            <Form.Item
              name="attendance"
              rules={[
                {
                  validator: (_, v: AttendanceValue | undefined) =>
                    Object.values(v ?? {}).includes('present')
                      ? Promise.resolve()
                      : Promise.reject(new Error('请至少点选一名实到党员')),
                },
              ]}
            >
              {roster.data && roster.data.members.length > 0 ? (
                <AttendanceChips roster={roster.data} />
              ) : roster.isFetching ? (
                <div />
              ) : (
                <Empty description={roster.error?.message ?? m.noRoster} />
              )}
            </Form.Item>
            {VOTING_KINDS.includes(kind) && (
              <>
                <Divider titlePlacement="start">{m.resolutions}</Divider>
                <ResolutionFields canVote electorate={electorate} />
              </>
            )}
            <Divider titlePlacement="start">{m.minutes}</Divider>
            <Form.Item name="minutes">
              <MinutesField />
            </Form.Item>
          </>
        )}
        <Form.Item name="attachments" label={m.attachments} extra={m.attachmentsHint}>
          <AttachmentUpload
            use="meeting"
            orgId={org.id}
            accept="image/*,.heic,.pdf,.docx,.xlsx"
            maxMb={20}
            pictures
            testId="meeting-attachments"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
