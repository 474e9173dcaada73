import { Flex, Popover, Table, Typography } from 'antd';
import { useOrgStars } from './api';
import { Stars } from './Stars';

/** The org page's star level (五星创评) in force, with its history on hover/tap; nothing when never rated. */
export function OrgStars({ orgId }: { orgId: string }) {
  const stars = useOrgStars(orgId);
  const d = stars.data;
  if (!d || d.history.length === 0) return null;
  const history = (
    <Table
      rowKey={(h) => `${h.validFrom}-${h.roundTitle}`}
      size="small"
      pagination={false}
      dataSource={d.history}
      columns={[
        { title: '评定', key: 'r', render: (_, h) => h.roundTitle },
        { title: '星级', key: 's', render: (_, h) => <Stars stars={h.stars} small /> },
        { title: '有效期', key: 'v', render: (_, h) => `${h.validFrom} 至 ${h.validUntil}` },
      ]}
    />
  );
  return (
    <Popover content={history} title="星级历史" trigger={['hover', 'click']}>
      <Flex align="center" gap={8} wrap style={{ marginTop: 8, cursor: 'pointer' }} data-testid="org-stars">
        <Typography.Text type="secondary">五星创评</Typography.Text>
        {d.current ? <Stars stars={d.current.stars} /> : <Typography.Text type="secondary">星级已过有效期</Typography.Text>}
        {d.current && <Typography.Text type="secondary">有效期至 {d.current.validUntil}</Typography.Text>}
      </Flex>
    </Popover>
  );
}
