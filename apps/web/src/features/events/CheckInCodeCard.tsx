import { Alert, Card, Flex, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { useCheckInCode } from './api';
import { eventMessages as m } from './messages';

/** The participant's QR code: it opens the organiser's check-in page with the signed code. */
export function CheckInCodeCard({ eventId }: { eventId: string }) {
  const code = useCheckInCode(eventId, true);
  const [svg, setSvg] = useState<string | null>(null);
  const url = code.data ? `${window.location.origin}/events/check-in?code=${encodeURIComponent(code.data.code)}` : null;
  useEffect(() => {
    if (!url) return;
    let live = true;
    void QRCode.toDataURL(url, { margin: 1, width: 440, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Card title={m.code.title} size="small" data-testid="checkin-code-card">
      {code.error && <Alert type="warning" showIcon title={code.error.message} />}
      {code.data && (
        <Flex vertical align="center" gap={8}>
          {svg && (
            <img src={svg} alt={m.code.title} width={220} height={220} style={{ maxWidth: '100%' }} data-testid="checkin-qr" />
          )}
          <Typography.Text type="secondary">{m.code.expires(formatDateTime(code.data.expiresAt))}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }}>
            {m.code.hint}
          </Typography.Paragraph>
          <Typography.Text
            copyable={{ text: code.data.code }}
            type="secondary"
            style={{ fontSize: 12 }}
            data-testid="checkin-code-text"
          >
            {m.code.text}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
