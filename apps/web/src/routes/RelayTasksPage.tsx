import { Empty, Flex, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { useRelayTasks } from '../features/governance/api';
import { governanceMessages as m } from '../features/governance/messages';
import { RelayTaskCard } from '../features/governance/RelayTaskCard';

export default function RelayTasksPage() {
  const [all, setAll] = useState(false);
  const { data, isLoading } = useRelayTasks(all ? 'all' : 'todo');
  return (
    <div>
      <PageHeader title={m.tasksTitle}>
        <Flex gap={8} align="center">
          <Typography.Text>{m.showAll}</Typography.Text>
          <Switch checked={all} onChange={setAll} data-testid="tasks-all" />
        </Flex>
      </PageHeader>
      {isLoading ? (
        <Spin />
      ) : !data?.items.length ? (
        <Empty description={m.tasksEmpty} />
      ) : (
        <Flex vertical gap={12}>
          {data.items.map((t) => (
            <RelayTaskCard key={t.id} task={t} />
          ))}
        </Flex>
      )}
    </div>
  );
}
