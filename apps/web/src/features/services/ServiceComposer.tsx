import type { AttachmentInfo } from '@tongxin/contracts';
import { Button, Form, Input, Space } from 'antd';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { useAction } from '../../lib/useAction';
import { serviceApi, useInvalidateServices } from './api';
import { serviceMessages as m } from './messages';

interface Values {
  body?: string;
  attachments?: AttachmentInfo[];
}

/** Writes to the thread: a message (either side), or the assignee's answer (which moves the request on). */
export function ServiceComposer({
  requestId,
  orgId,
  mode,
  onDone,
}: {
  requestId: string;
  orgId: string;
  mode: 'message' | 'answer';
  onDone?: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const answer = mode === 'answer';
  const send = useAction<Values, unknown>(
    (v) => {
      const ids = (v.attachments ?? []).map((a) => a.id);
      return answer ? serviceApi.answer(requestId, v.body ?? '', ids) : serviceApi.message(requestId, v.body ?? '', ids);
    },
    {
      invalidate: useInvalidateServices(),
      success: answer ? m.actions.answered : m.actions.sent,
      onSuccess: () => {
        form.resetFields();
        onDone?.();
      },
    },
  );
  const busy = send.busy;
  return (
    <Form<Values> form={form} layout="vertical" onFinish={send.run} requiredMark={false} data-testid={`service-${mode}-form`}>
      <Form.Item
        name="body"
        label={answer ? m.actions.answerTitle : m.actions.message}
        rules={[{ required: true, whitespace: true, message: answer ? '请填写答复内容' : '请填写留言内容' }]}
      >
        <Input.TextArea
          placeholder={answer ? m.actions.answerPlaceholder : m.actions.messagePlaceholder}
          autoSize={{ minRows: answer ? 4 : 2, maxRows: 10 }}
          maxLength={2000}
          data-testid={`service-${mode}-body`}
        />
      </Form.Item>
      <Form.Item name="attachments" valuePropName="value" style={{ marginBottom: 12 }}>
        <AttachmentUpload use="service_request" orgId={orgId} accept="image/*,.pdf,.docx,.xlsx" maxMb={10} max={10} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`service-${mode}-submit`}>
          {answer ? m.actions.answer : m.actions.send}
        </Button>
        {onDone && <Button onClick={onDone}>取消</Button>}
      </Space>
    </Form>
  );
}
