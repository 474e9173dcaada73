import type { DuesSheet } from '@tongxin/contracts';
import { formatYuan } from '@tongxin/contracts/labels';
import { Alert, Col, Row, Statistic } from 'antd';
import { formatNumber } from '../../lib/format';
import { duesMessages as m } from './messages';

/** The sheet's totals: who owes what, what came in, what is still outstanding; then the warnings. */
export function DuesTotals({ sheet, mobile }: { sheet: DuesSheet; mobile: boolean }) {
  const t = sheet.totals;
  const size = mobile ? 16 : 22;
  return (
    <div style={{ marginBottom: 16 }} data-testid="dues-totals">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={m.totalsMembers} value={formatNumber(t.members)} styles={{ content: { fontSize: size } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={m.totalsDue} value={formatYuan(t.dueFen)} styles={{ content: { fontSize: size } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={m.totalsPaid}
            value={formatYuan(t.paidFen)}
            styles={{ content: { fontSize: size, color: '#389e0d' } }}
            suffix={
              <span style={{ fontSize: 13, color: 'rgba(0,0,0,0.45)', marginInlineStart: 4 }} data-testid="dues-paid-count">
                {m.totalsPaidCount(t.paidCount, t.members)}
              </span>
            }
            data-testid="dues-paid-total"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={m.totalsOutstanding}
            value={formatYuan(t.outstandingFen)}
            styles={{ content: { fontSize: size, color: t.outstandingFen > 0 ? '#cf1322' : undefined } }}
            data-testid="dues-outstanding"
          />
        </Col>
      </Row>
      {t.warningCount + t.lapseCount > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type={t.lapseCount ? 'error' : 'warning'}
          showIcon
          title={m.warnings(t.warningCount + t.lapseCount, t.lapseCount)}
        />
      )}
      {t.unsetCount > 0 && <Alert style={{ marginTop: 8 }} type="info" showIcon title={m.unsetCount(t.unsetCount)} />}
      {!sheet.abilities.record && sheet.abilities.recordReason && (
        <Alert style={{ marginTop: 8 }} type="info" showIcon title={m.recordClosed(sheet.abilities.recordReason)} />
      )}
    </div>
  );
}
