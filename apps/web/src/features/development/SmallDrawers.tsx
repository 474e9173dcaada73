import { NOTICE_PURPOSE_LABELS, type NoticePurpose } from '@tongxin/contracts/labels';
import { DatePicker, Form, type FormInstance, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { MemberPicker } from '../transfers/MemberPicker';
import { developmentApi, type TalentRow, useInvalidateDevelopment } from './api';
import { developmentMessages } from './messages';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
type AnyValues = Record<string, unknown>;

/** One small form in a drawer: validate, send, toast, refresh, close; server messages under their fields. */
function SmallDrawer({
  title,
  fields,
  initial,
  send,
  saved,
  onClose,
  testId,
  children,
}: {
  title: string;
  fields: string[];
  initial?: AnyValues;
  send: (v: AnyValues) => Promise<string | undefined | unknown>;
  saved: (result: unknown) => string;
  onClose: () => void;
  testId: string;
  children: (form: FormInstance<AnyValues>) => ReactNode;
}) {
  const [form] = Form.useForm<AnyValues>();
  const save = useAction(send, {
    form,
    fields,
    invalidate: useInvalidateDevelopment(),
    success: (result) => saved(result),
    onSuccess: onClose,
  });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) save.run(v);
  };
  return (
    <FormDrawer
      title={title}
      busy={save.busy}
      error={save.formError}
      onSubmit={() => void submit()}
      onClose={onClose}
      submitTestId={testId}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {children(form)}
      </Form>
    </FormDrawer>
  );
}

const required = (message: string) => [{ required: true, message }];

export function NoticeDrawer({
  id,
  purpose,
  today,
  onClose,
}: {
  id: string;
  purpose: NoticePurpose;
  today: string;
  onClose: () => void;
}) {
  const m = developmentMessages.notice;
  return (
    <SmallDrawer
      title={`${m.title}：${NOTICE_PURPOSE_LABELS[purpose]}`}
      fields={['startsOn', 'workingDays', 'scope', 'purpose']}
      initial={{ startsOn: dayjs(today), workingDays: 5, scope: '支部公示栏' }}
      send={(v) =>
        developmentApi.notice(id, {
          purpose,
          startsOn: day(v.startsOn as Dayjs),
          workingDays: v.workingDays as number,
          scope: (v.scope as string) || null,
        })
      }
      saved={(r) => m.saved((r as { endsOn: string }).endsOn)}
      onClose={onClose}
      testId="notice-submit"
    >
      {() => (
        <>
          <Form.Item name="startsOn" label={m.startsOn} rules={required('请填写公示开始日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="workingDays" label={m.workingDays} extra={m.workingDaysHint}>
            <InputNumber min={5} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="scope" label={m.scope}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
    </SmallDrawer>
  );
}

export function ObjectionDrawer({ noticeId, onClose }: { noticeId: string; onClose: () => void }) {
  const m = developmentMessages.notice;
  return (
    <SmallDrawer
      title={m.objectionTitle}
      fields={['receivedOn', 'content', 'finding', 'upheld']}
      initial={{ receivedOn: dayjs(), upheld: false }}
      send={(v) =>
        developmentApi.objection(noticeId, {
          receivedOn: day(v.receivedOn as Dayjs),
          content: v.content as string,
          finding: (v.finding as string) || null,
          upheld: v.upheld as boolean,
        })
      }
      saved={() => '已登记'}
      onClose={onClose}
      testId="objection-submit"
    >
      {() => (
        <>
          <Form.Item name="receivedOn" label={m.receivedOn} rules={required('请填写收到日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="content" label={m.content} rules={required('请填写反映内容')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="finding" label={m.finding}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="upheld" label={m.upheld}>
            <Radio.Group
              options={[
                { value: false, label: m.upheldNo },
                { value: true, label: m.upheldYes },
              ]}
            />
          </Form.Item>
        </>
      )}
    </SmallDrawer>
  );
}

export function ExtendDrawer({ id, today, onClose }: { id: string; today: string; onClose: () => void }) {
  const m = developmentMessages.extend;
  return (
    <SmallDrawer
      title={m.title}
      fields={['months', 'decidedOn', 'reason']}
      initial={{ months: 6, decidedOn: dayjs(today) }}
      send={(v) =>
        developmentApi.extend(id, {
          months: v.months as number,
          decidedOn: day(v.decidedOn as Dayjs),
          reason: v.reason as string,
        })
      }
      saved={() => m.saved}
      onClose={onClose}
      testId="extend-submit"
    >
      {() => (
        <>
          <Form.Item name="months" label={m.months} rules={required('请填写延长月数')}>
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="decidedOn" label={m.decidedOn} rules={required('请填写决定日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={m.reason} rules={required('请填写延长原因')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      )}
    </SmallDrawer>
  );
}

export function CloseDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const m = developmentMessages.close;
  return (
    <SmallDrawer
      title={m.title}
      fields={['reason']}
      send={(v) => developmentApi.close(id, v.reason as string)}
      saved={() => m.saved}
      onClose={onClose}
      testId="close-submit"
    >
      {() => (
        <Form.Item name="reason" label={m.reason} rules={required('请填写终止原因')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
    </SmallDrawer>
  );
}

export function CultivationDrawer({ row, kind, onClose }: { row: TalentRow; kind: 'mentor' | 'record'; onClose: () => void }) {
  const m = developmentMessages.talents;
  return (
    <SmallDrawer
      title={`${kind === 'mentor' ? m.setMentor : m.addRecord}：${row.name}`}
      fields={['mentorMemberId', 'on', 'content', 'subject']}
      initial={{ on: dayjs() }}
      send={(v) =>
        kind === 'mentor'
          ? developmentApi.setMentor(row.subject, v.mentorMemberId as string)
          : developmentApi.addRecord(row.subject, day(v.on as Dayjs), v.content as string)
      }
      saved={() => m.saved}
      onClose={onClose}
      testId="talent-submit"
    >
      {() =>
        kind === 'mentor' ? (
          <Form.Item name="mentorMemberId" label={m.mentor} rules={required('请选择培养联系人')}>
            <MemberPicker />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="on" label={m.on} rules={required('请填写培养日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="content" label={m.content} rules={required('请填写培养情况')}>
              <Input.TextArea rows={4} maxLength={1000} />
            </Form.Item>
          </>
        )
      }
    </SmallDrawer>
  );
}
