import { useQuery } from '@tanstack/react-query';
import type { AttachmentInfo, DevelopmentDetail, MemberSummary, RecordStepBody } from '@tongxin/contracts';
import { DEVELOPMENT_RULES, type DevelopmentStep } from '@tongxin/contracts/labels';
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormDrawer } from '../../components/FormDrawer';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { developmentApi, useBoard, useInvalidateDevelopment } from './api';
import { developmentMessages } from './messages';

const m = developmentMessages.stepForm;
const FIELDS = [
  'step',
  'doneOn',
  'note',
  'documents',
  'mentorIds',
  'sponsorIds',
  'passed',
  'trainingDays',
  'trainingHours',
  'vote',
];

interface Values {
  doneOn?: Dayjs | null;
  note?: string;
  documents?: string[];
  attachments?: AttachmentInfo[];
  mentorIds?: string[];
  sponsorIds?: string[];
  passed?: boolean;
  leavingSoon?: boolean;
  trainingDays?: number;
  trainingHours?: number;
  vote?: { entitled?: number; present?: number; inFavour?: number; candidateIds?: string[] };
}

/** The branch's full members, for mentors and sponsors (the server checks them again). */
function useFullMembers(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'full-of', orgId],
    queryFn: () =>
      api<{ items: MemberSummary[] }>('/api/members', { query: { orgId, status: 'full', pageSize: 100 } }).then((r) =>
        r.items.filter((i) => i.orgId === orgId),
      ),
    enabled,
  });
}

/**
 * One drawer per step kind, generated from the rules table: every step asks for its date, a note and the
 * documents the table lists; mentors, sponsors, political review, training and votes add their own fields.
 */
export function StepDrawer({ person, step, onClose }: { person: DevelopmentDetail; step: DevelopmentStep; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useAction((body: RecordStepBody) => developmentApi.step(person.id, body), {
    form,
    fields: FIELDS,
    invalidate: useInvalidateDevelopment(),
    success: m.saved,
    onSuccess: onClose,
  });
  const picksMembers = step.kind === 'mentors' || step.kind === 'sponsors';
  const members = useFullMembers(person.orgId, picksMembers);
  // Candidates at the same stage in the same branch: the vote's object list (one at a time is the rule).
  const board = useBoard(step.kind === 'vote' ? person.orgId : null);
  const peers = (board.data?.people ?? []).filter((p) => p.stage === person.stage && p.orgId === person.orgId);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: RecordStepBody = {
      step: step.no,
      doneOn: v.doneOn ? v.doneOn.format('YYYY-MM-DD') : '',
      note: v.note || null,
      documents: v.documents ?? [],
      attachmentIds: (v.attachments ?? []).map((a) => a.id),
    };
    if (step.kind === 'mentors') body.mentorIds = v.mentorIds ?? [];
    if (step.kind === 'sponsors') body.sponsorIds = v.sponsorIds ?? [];
    if (step.kind === 'political_review') body.passed = v.passed ?? false;
    if (step.kind === 'branch_review') body.leavingSoon = v.leavingSoon ?? false;
    if (step.kind === 'training') {
      body.trainingDays = v.trainingDays ?? 0;
      body.trainingHours = v.trainingHours ?? 0;
    }
    if (step.kind === 'vote') {
      body.vote = {
        entitled: v.vote?.entitled ?? 0,
        present: v.vote?.present ?? 0,
        inFavour: v.vote?.inFavour ?? 0,
        candidateIds: v.vote?.candidateIds ?? [],
      };
    }
    save.run(body);
  };

  const memberOptions = (members.data ?? []).map((x) => ({ value: x.id, label: x.name }));
  return (
    <FormDrawer
      title={m.title(step.no, step.title)}
      busy={save.busy}
      error={save.formError}
      onSubmit={() => void submit()}
      onClose={onClose}
      submitTestId="step-submit"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${step.actor} · ${developmentMessages.person.records}：${step.records.join('、')}`}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          doneOn: dayjs(person.today),
          documents: [],
          passed: true,
          leavingSoon: false,
          vote: { candidateIds: [person.id] },
        }}
      >
        <Form.Item name="doneOn" label={m.doneOn} rules={[{ required: true, message: '请填写办理日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {step.kind === 'mentors' && (
          <Form.Item name="mentorIds" label={m.mentors} rules={[{ required: true, message: '请选择培养联系人' }]}>
            <Select
              mode="multiple"
              options={memberOptions}
              loading={members.isFetching}
              placeholder={m.pickMember}
              optionFilterProp="label"
            />
          </Form.Item>
        )}
        {step.kind === 'sponsors' && (
          <Form.Item name="sponsorIds" label={m.sponsors} rules={[{ required: true, message: '请选择入党介绍人' }]}>
            <Select
              mode="multiple"
              options={memberOptions}
              loading={members.isFetching}
              placeholder={m.pickMember}
              optionFilterProp="label"
            />
          </Form.Item>
        )}
        {step.kind === 'political_review' && (
          <Form.Item name="passed" label={m.passed}>
            <Radio.Group
              options={[
                { value: true, label: m.passedYes },
                { value: false, label: m.passedNo },
              ]}
            />
          </Form.Item>
        )}
        {step.kind === 'branch_review' && (
          <Form.Item name="leavingSoon" label={m.leavingSoon}>
            <Radio.Group
              options={[
                { value: false, label: m.leavingNo },
                { value: true, label: m.leavingYes },
              ]}
            />
          </Form.Item>
        )}
        {step.kind === 'training' && (
          <Space wrap>
            <Form.Item name="trainingDays" label={m.trainingDays} extra={`不少于${DEVELOPMENT_RULES.trainingMinDays}天`}>
              <InputNumber min={0} max={365} />
            </Form.Item>
            <Form.Item name="trainingHours" label={m.trainingHours} extra={`或不少于${DEVELOPMENT_RULES.trainingMinHours}学时`}>
              <InputNumber min={0} max={2000} />
            </Form.Item>
          </Space>
        )}
        {step.kind === 'vote' && (
          <>
            <Form.Item name={['vote', 'candidateIds']} label={m.candidates} extra={m.candidatesHint}>
              <Select
                mode="multiple"
                options={[
                  { value: person.id, label: person.name },
                  ...peers.filter((p) => p.id !== person.id).map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name={['vote', 'entitled']} label={m.entitled} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item name={['vote', 'present']} label={m.present} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item name={['vote', 'inFavour']} label={m.inFavour} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item name="note" label={m.note}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="documents" label={m.documents}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={step.records.join('、')} />
        </Form.Item>
        <Form.Item name="attachments" label={m.attachments} valuePropName="value">
          <AttachmentUpload
            use="development_step"
            orgId={person.orgId}
            accept="image/*,.pdf,.docx,.xlsx"
            maxMb={10}
            max={10}
            testId="step-attachments"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
