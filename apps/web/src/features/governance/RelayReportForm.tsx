import type { RelayTask } from '@tongxin/contracts';
import { App, Button, Form, Input } from 'antd';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { applyServerErrors } from '../../lib/forms';
import { governanceApi, useGovernanceAction } from './api';
import { governanceMessages as m } from './messages';

/** Where the task was relayed: the link and a screenshot (a late report is accepted and marked, never refused). */
export function RelayReportForm({ task }: { task: RelayTask }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const report = useGovernanceAction((body: unknown) => governanceApi.reportRelay(task.id, body));
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        report.mutate(
          { url: v.url, note: v.note || null, screenshotIds: ((v.screenshots as { id: string }[]) ?? []).map((s) => s.id) },
          {
            onSuccess: (r) => message.success(r.late ? m.reportedLate : m.reported),
            onError: (e) => {
              const rest = applyServerErrors(form, e, ['url', 'note', 'screenshotIds']);
              if (rest) message.error(rest);
            },
          },
        )
      }
    >
      <Form.Item name="url" label={m.relayUrl} rules={[{ required: true, message: '请填写转发链接' }]}>
        <Input placeholder="https://" inputMode="url" data-testid="relay-url" />
      </Form.Item>
      <Form.Item name="screenshots" label={m.screenshot} rules={[{ required: true, message: '请上传转发截图' }]}>
        <AttachmentUpload use="relay_report" orgId={task.orgId} accept="image/*" maxMb={10} pictures max={3} />
      </Form.Item>
      <Form.Item name="screenshotIds" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="note" label={m.note}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={report.isPending} data-testid="relay-submit">
        {m.report}
      </Button>
    </Form>
  );
}
