import type { RelayTask } from '@tongxin/contracts';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { attachmentHref } from '../../components/AttachmentUpload';
import { formatDateTime } from '../../lib/format';
import { RelayTag } from './labels';
import { governanceMessages as m } from './messages';
import { RelayReportForm } from './RelayReportForm';

export function RelayTaskCard({ task }: { task: RelayTask }) {
  return (
    <Card size="small" data-testid="relay-task">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" gap={8}>
          <Link to={`/governance/releases/${task.releaseId}`}>
            <Typography.Text strong>{task.releaseTitle}</Typography.Text>
          </Link>
          <RelayTag state={task.state} />
        </Flex>
        <Typography.Text type="secondary">
          {task.target.name}
          {task.account ? ` · ${task.account.name}` : ''}
        </Typography.Text>
        <Typography.Text type="secondary">
          {m.deadline}：{formatDateTime(task.deadlineAt)}
        </Typography.Text>
        {task.reportedAt && (
          <Typography.Text>
            {m.reportedAt}：{formatDateTime(task.reportedAt)} · {task.reportedByName}
            {task.url && (
              <>
                {' · '}
                <Typography.Link href={task.url} target="_blank" rel="noopener noreferrer">
                  {m.relayUrl}
                </Typography.Link>
              </>
            )}
            {task.screenshots.map((s) => (
              <span key={s.id}>
                {' · '}
                <Typography.Link href={attachmentHref(s.id)} target="_blank">
                  {m.screenshot}
                </Typography.Link>
              </span>
            ))}
          </Typography.Text>
        )}
        {task.abilities.report && <RelayReportForm task={task} />}
      </Flex>
    </Card>
  );
}
