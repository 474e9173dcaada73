import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useImportKind } from './kind';

export function TemplateStep({ onNext }: { onNext: () => void }) {
  const { m, base } = useImportKind();
  return (
    <div>
      <Typography.Title level={5}>{m.templateTitle}</Typography.Title>
      <Typography.Paragraph>{m.templateIntro}</Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20 }}>
        {m.templatePoints.map((p) => (
          <li key={p}>
            <Typography.Text>{p}</Typography.Text>
          </li>
        ))}
      </ul>
      <Space wrap>
        <Button type="primary" icon={<DownloadOutlined />} href={`${base}/template`} download data-testid="download-template">
          {m.downloadTemplate}
        </Button>
        <Button onClick={onNext} data-testid="to-upload">
          {m.haveFile}
        </Button>
      </Space>
    </div>
  );
}
