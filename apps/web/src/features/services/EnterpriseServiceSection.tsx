import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { useIsMobile } from '../../lib/useIsMobile';
import { useMe } from '../auth/api';
import { useRaisedRequests, useServiceQueue } from './api';
import { serviceMessages as m } from './messages';
import { ServiceRequestList } from './ServiceRequestList';

/**
 * The requests section of an enterprise's detail page: its latest requests (through the handler's queue or the
 * requesting side's list, whichever the user is on), with totals and the average rating.
 */
export function EnterpriseServiceSection({ enterpriseId }: { enterpriseId: string }) {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const handler = me?.abilities.serviceQueue ?? false;
  const raiser = !handler && (me?.abilities.serviceRaise ?? false);
  const filter = { enterpriseId, page: 1, pageSize: 10 };
  const queue = useServiceQueue('all', filter, handler);
  const raised = useRaisedRequests(filter, raiser);
  if (!handler && !raiser) return null;
  const data = handler ? queue.data : raised.data;
  const items = data?.items ?? [];
  const rated = items.filter((r) => r.rating !== null);
  const average = rated.length ? rated.reduce((s, r) => s + (r.rating ?? 0), 0) / rated.length : null;
  return (
    <Card
      title={m.enterpriseSection}
      data-testid="enterprise-services"
      extra={
        raiser ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => navigate('/services/new')}>
            {m.raise}
          </Button>
        ) : null
      }
    >
      {items.length > 0 && (
        <Space size={32} style={{ marginBottom: 12 }}>
          <Statistic title={m.sectionTotal} value={data?.total ?? 0} />
          <Statistic title={m.sectionRating} value={average === null ? '—' : average.toFixed(1)} />
        </Space>
      )}
      <ServiceRequestList
        items={items}
        loading={(handler ? queue : raised).isFetching}
        mobile={mobile}
        hideEnterprise
        pagination={false}
        empty={<Empty description={m.empty.enterprise} />}
      />
    </Card>
  );
}
