import { ArrowLeftOutlined } from '@ant-design/icons';
import type { AttachmentInfo } from '@tongxin/contracts';
import { addDaysToDate, beijingDate, SERVICE_DUE_RULES, type ServiceCategory, serviceDueRuleOn } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { AttachmentUpload } from '../components/AttachmentUpload';
import { serviceApi, useInvalidateServices, useServiceEnterprises } from '../features/services/api';
import { CategorySelect } from '../features/services/CategorySelect';
import { serviceMessages as m } from '../features/services/messages';
import { useAction } from '../lib/useAction';

interface Values {
  enterpriseId?: string;
  category?: ServiceCategory;
  title?: string;
  description?: string;
  attachments?: AttachmentInfo[];
}

const todayInBeijing = () => beijingDate(Date.now());

/** 提出诉求: one column, big fields — an enterprise contact fills it on a phone in WeChat's browser. */
export default function RaiseServiceRequestPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const enterprises = useServiceEnterprises();
  const raise = useAction(
    (v: Values) =>
      serviceApi.raise({
        enterpriseId: v.enterpriseId ?? '',
        category: v.category as ServiceCategory,
        title: v.title ?? '',
        description: v.description ?? '',
        attachmentIds: (v.attachments ?? []).map((a) => a.id),
      }),
    {
      form,
      fields: ['enterpriseId', 'category', 'title', 'description', 'attachmentIds'],
      invalidate: useInvalidateServices(),
      success: m.raised,
      onSuccess: ({ id }) => navigate(`/services/${id}`, { replace: true }),
    },
  );
  const error = raise.formError;
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const category = Form.useWatch('category', form);
  const choices = enterprises.data ?? [];
  const chosen = choices.find((e) => e.id === enterpriseId);

  // One enterprise (the usual contact): chosen for them.
  useEffect(() => {
    if (choices.length === 1 && !form.getFieldValue('enterpriseId')) form.setFieldValue('enterpriseId', choices[0]!.id);
  }, [choices, form]);

  const today = todayInBeijing();
  const rule = serviceDueRuleOn(today, SERVICE_DUE_RULES);
  if (enterprises.isSuccess && choices.length === 0)
    return (
      <Card>
        <Result status="info" title={m.noEnterprise} />
      </Card>
    );

  return (
    <Card style={{ maxWidth: 720 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/services/mine')} style={{ paddingInline: 0 }}>
        {m.back}
      </Button>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {m.raiseTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{m.raiseIntro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" size="large" onFinish={raise.run} requiredMark={false} scrollToFirstError>
        <Form.Item
          name="enterpriseId"
          label={m.field.enterprise}
          rules={[{ required: true, message: '请选择企业' }]}
          hidden={choices.length === 1}
        >
          <Select
            placeholder={m.placeholder.enterprise}
            loading={enterprises.isPending}
            options={choices.map((e) => ({ value: e.id, label: e.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="service-enterprise"
          />
        </Form.Item>
        {choices.length === 1 && (
          <Form.Item label={m.field.enterprise}>
            <Typography.Text strong>{choices[0]!.name}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          name="category"
          label={m.field.category}
          rules={[{ required: true, message: '请选择诉求类别' }]}
          extra={category ? m.dueHint(rule.days[category], addDaysToDate(today, rule.days[category])) : undefined}
        >
          <CategorySelect placeholder={m.placeholder.category} data-testid="service-category" />
        </Form.Item>
        <Form.Item
          name="title"
          label={m.field.title}
          rules={[
            { required: true, whitespace: true, message: '请填写诉求标题' },
            { min: 4, message: '诉求标题至少4个字' },
            { max: 60, message: '诉求标题不能超过60个字' },
          ]}
        >
          <Input placeholder={m.placeholder.title} maxLength={60} data-testid="service-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={m.field.description}
          rules={[
            { required: true, whitespace: true, message: '请填写诉求描述' },
            { min: 10, message: '诉求描述至少10个字' },
          ]}
        >
          <Input.TextArea
            placeholder={m.placeholder.description}
            autoSize={{ minRows: 5, maxRows: 12 }}
            maxLength={2000}
            showCount
            data-testid="service-description"
          />
        </Form.Item>
        <Form.Item name="attachments" label={m.field.attachments} extra={m.attachHint} valuePropName="value">
          {chosen ? (
            <AttachmentUpload
              use="service_request"
              orgId={chosen.areaOrgId}
              accept="image/*,.pdf,.docx,.xlsx"
              maxMb={10}
              max={10}
              testId="service-attachments"
            />
          ) : (
            <Typography.Text type="secondary">{m.placeholder.enterprise}</Typography.Text>
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={raise.busy} data-testid="service-submit">
          {m.submit}
        </Button>
      </Form>
    </Card>
  );
}
