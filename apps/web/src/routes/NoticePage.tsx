import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '../components/AttachmentUpload';
import { useNotice } from '../features/notices/api';
import { noticeMessages as m } from '../features/notices/messages';
import { ReceiptsPanel } from '../features/notices/ReceiptsPanel';
import { formatDateTime } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

/** One notice: its text and attachments (opening it records the read receipt); the sending side sees receipts. */
export default function NoticePage() {
  const { id = '' } = useParams();
  const mobile = useIsMobile();
  const notice = useNotice(id);
  const n = notice.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/notices">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {m.back}
        </Button>
      </Link>
      {notice.error && <Alert type="error" showIcon title={notice.error.message} />}
      <Card loading={notice.isPending}>
        {n && (
          <>
            <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }} data-testid="notice-title">
              {n.title}
            </Typography.Title>
            <Descriptions
              size="small"
              column={mobile ? 1 : 2}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'from', label: m.from, children: n.senderOrgName },
                { key: 'at', label: m.at, children: formatDateTime(n.sentAt) },
                { key: 'by', label: m.by, children: n.sentByName ?? '—' },
                { key: 'audience', label: m.audience, children: n.audience },
                ...(n.readAt ? [{ key: 'read', label: m.readAt, children: formatDateTime(n.readAt) }] : []),
              ]}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8 }} data-testid="notice-body">
              {n.body}
            </Typography.Paragraph>
            {n.attachments.length > 0 && (
              <>
                <Typography.Title level={5}>{m.attachmentsTitle}</Typography.Title>
                <AttachmentList
                  items={n.attachments.map((a) => ({
                    id: a.id,
                    fileName: a.name,
                    sizeBytes: a.size,
                    mediaType: a.mime,
                    uploadedAt: n.sentAt,
                  }))}
                />
              </>
            )}
          </>
        )}
      </Card>
      {n?.abilities.receipts && (
        <>
          <Typography.Text type="secondary">{m.receiptsHint}</Typography.Text>
          <ReceiptsPanel noticeId={n.id} mobile={mobile} />
        </>
      )}
    </Space>
  );
}
