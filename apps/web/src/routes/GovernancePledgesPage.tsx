import { PLEDGE_ISSUER_KIND_LABELS } from '@tongxin/contracts/labels';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { usePledges } from '../features/governance/api';
import { governanceMessages as m } from '../features/governance/messages';
import { formatDate } from '../lib/format';

export default function GovernancePledgesPage() {
  const { data, isLoading } = usePledges();
  return (
    <div>
      <PageHeader title={m.pledgesTitle} />
      {isLoading ? (
        <Spin />
      ) : !data?.items.length ? (
        <Empty description={m.pledgesEmpty} />
      ) : (
        <Flex vertical gap={12}>
          {data.items.map((p) => (
            <Card key={p.id} size="small" data-testid="pledge-card">
              <Flex vertical gap={4}>
                <Link to={`/governance/pledges/${p.id}`}>
                  <Typography.Text strong>{p.title}</Typography.Text>
                </Link>
                <Flex wrap gap={8} align="center">
                  <Tag>{PLEDGE_ISSUER_KIND_LABELS[p.issuerKind]}</Tag>
                  <Typography.Text type="secondary">{p.issuerName}</Typography.Text>
                  <Tag color="blue">{m.version(p.currentVersion)}</Tag>
                  <Typography.Text type="secondary">{formatDate(p.publishedAt)}</Typography.Text>
                </Flex>
                <Typography.Text>{m.counts(p.counts.signed, p.counts.outdated, p.counts.unsigned)}</Typography.Text>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
