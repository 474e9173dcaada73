import type { RumourReport } from '@tongxin/contracts';
import { RUMOUR_VERDICT_LABELS, RUMOUR_VERDICTS } from '@tongxin/contracts/labels';
import { App, Button, Card, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { attachmentHref } from '../../components/AttachmentUpload';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/forms';
import { governanceApi, useGovernanceAction, useRebuttals } from './api';
import { governanceMessages as m } from './messages';

function AnswerForm({ report }: { report: RumourReport }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const library = useRebuttals('', 1);
  const answer = useGovernanceAction((body: unknown) => governanceApi.answerRumour(report.id, body));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ verdict: 'rumour' }}
      onFinish={(v) =>
        answer.mutate(
          { verdict: v.verdict, answer: v.answer, rebuttalId: v.rebuttalId ?? null, officialUrl: v.officialUrl || null },
          {
            onError: (e) => {
              const rest = applyServerErrors(form, e);
              if (rest) message.error(rest);
            },
          },
        )
      }
    >
      <Form.Item name="verdict" label={m.verdict}>
        <Select options={RUMOUR_VERDICTS.map((v) => ({ value: v, label: RUMOUR_VERDICT_LABELS[v] }))} />
      </Form.Item>
      <Form.Item name="answer" label={m.answer} rules={[{ required: true, message: '请填写答复内容' }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="rebuttalId" label={m.linkRebuttal}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={library.data?.items.map((b) => ({ value: b.id, label: b.title }))}
        />
      </Form.Item>
      <Form.Item name="officialUrl" label={m.officialUrl}>
        <Input placeholder="https://" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        {m.answer}
      </Button>
    </Form>
  );
}

export function RumourReportCard({ report }: { report: RumourReport }) {
  return (
    <Card size="small" data-testid="rumour-report">
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8} align="start">
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{report.text}</Typography.Text>
          <Tag color={report.status === 'answered' ? 'green' : 'blue'}>
            {report.status === 'answered' ? m.answered : m.pending}
          </Tag>
        </Flex>
        <Typography.Text type="secondary">
          {report.submittedByName} · {report.org.name} · {formatDateTime(report.submittedAt)}
          {report.url && (
            <>
              {' · '}
              <Typography.Link href={report.url} target="_blank" rel="noopener noreferrer">
                {m.link}
              </Typography.Link>
            </>
          )}
          {report.screenshots.map((s) => (
            <span key={s.id}>
              {' · '}
              <Typography.Link href={attachmentHref(s.id)} target="_blank">
                {m.screenshot}
              </Typography.Link>
            </span>
          ))}
        </Typography.Text>
        {report.status === 'answered' && (
          <Card size="small" type="inner">
            <Typography.Text strong>{report.verdict ? RUMOUR_VERDICT_LABELS[report.verdict] : ''}</Typography.Text>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{report.answer}</Typography.Paragraph>
            {report.rebuttal && (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {m.library}：{report.rebuttal.title}（{report.rebuttal.sourceName}）
              </Typography.Paragraph>
            )}
            {report.officialUrl && (
              <Typography.Link href={report.officialUrl} target="_blank" rel="noopener noreferrer">
                {m.officialUrl}
              </Typography.Link>
            )}
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {report.answeredByName} · {formatDateTime(report.answeredAt)}
            </Typography.Paragraph>
          </Card>
        )}
        {report.abilities.answer && <AnswerForm report={report} />}
      </Flex>
    </Card>
  );
}
