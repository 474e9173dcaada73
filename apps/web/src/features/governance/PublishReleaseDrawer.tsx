import { App, Button, DatePicker, Drawer, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { applyServerErrors } from '../../lib/forms';
import { governanceApi, useGovernanceAction, useRelayTargets } from './api';
import { governanceMessages as m } from './messages';

/** The committee publishes an authoritative release under a hot event and picks whom to send relay tasks to. */
export function PublishReleaseDrawer({ event, onClose }: { event: { id: string; orgId: string } | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const targets = useRelayTargets(event?.id ?? null);
  const publish = useGovernanceAction((body: unknown) => governanceApi.publishRelease(event!.id, body));
  const options = [
    { label: '企业', options: targets.data?.enterprises.map((e) => ({ value: `enterprise:${e.id}`, label: e.name })) ?? [] },
    { label: '党组织', options: targets.data?.orgs.map((e) => ({ value: `org:${e.id}`, label: e.name })) ?? [] },
    { label: '媒体账号', options: targets.data?.accounts.map((e) => ({ value: `account:${e.id}`, label: e.name })) ?? [] },
  ];
  const onFinish = (v: Record<string, unknown>) => {
    const body = {
      title: v.title,
      body: v.body,
      link: v.link || null,
      authority: v.authority,
      imageIds: ((v.images as { id: string }[] | undefined) ?? []).map((i) => i.id),
      deadlineAt: (v.deadline as dayjs.Dayjs | undefined)?.toISOString(),
      targets: ((v.targets as string[] | undefined) ?? []).map((t) => {
        const [kind, id] = t.split(':');
        return { kind, id };
      }),
    };
    publish.mutate(body, {
      onSuccess: () => {
        message.success(m.published);
        form.resetFields();
        onClose();
      },
      onError: (e) => {
        const rest = applyServerErrors(form, e, ['title', 'body', 'link', 'authority']);
        if (rest) message.error(rest);
      },
    });
  };
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      title={m.publish}
      size="large"
      destroyOnHidden
      extra={
        <Button type="primary" loading={publish.isPending} onClick={() => form.submit()} data-testid="release-publish">
          {m.publish}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ deadline: dayjs().add(1, 'day').startOf('hour') }}>
        <Form.Item name="title" label={m.releaseTitle} rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={80} data-testid="release-title" />
        </Form.Item>
        <Form.Item name="authority" label={m.authority} rules={[{ required: true, message: '请填写发布机关' }]}>
          <Input maxLength={60} data-testid="release-authority" />
        </Form.Item>
        <Form.Item name="body" label={m.body} rules={[{ required: true, message: '请填写正文' }]}>
          <Input.TextArea rows={5} maxLength={10000} data-testid="release-body" />
        </Form.Item>
        <Form.Item name="link" label={m.originalLink}>
          <Input placeholder="https://" data-testid="release-link" />
        </Form.Item>
        {event && (
          <Form.Item name="images" label={m.images} valuePropName="value">
            <AttachmentUpload use="official_release" orgId={event.orgId} accept="image/*" maxMb={10} pictures max={9} />
          </Form.Item>
        )}
        <Form.Item name="deadline" label={m.deadline} rules={[{ required: true, message: '请选择转发时限' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targets" label={m.targets} rules={[{ required: true, message: '请至少选择一个转发对象' }]}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            placeholder={m.targetsHint}
            options={options}
            data-testid="release-targets"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
