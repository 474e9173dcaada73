import {
  LEDGER_CHECK_KIND_LABELS,
  LEDGER_CHECK_KIND_SEVERITY,
  LEDGER_CHECK_KINDS,
  LEDGER_CHECK_SEVERITY_LABELS,
  type LedgerCheckKind,
  type LedgerCheckSeverity,
} from '@tongxin/contracts/labels';
import { Card, Col, Row, Statistic, Tag } from 'antd';
import { formatNumber } from '../../lib/format';
import { SEVERITY_COLORS } from './messages';

interface Props {
  totals: Record<LedgerCheckKind, number>;
  /** The most serious severity found of each kind (a long-overdue probation is severe, not a warning). */
  worst: Partial<Record<LedgerCheckKind, LedgerCheckSeverity>>;
  selected: LedgerCheckKind | null;
  onSelect: (kind: LedgerCheckKind | null) => void;
}

/** One card per kind that has findings, with its count; a click shows only that kind (again: all kinds). */
export function KindSummary({ totals, worst, selected, onSelect }: Props) {
  const kinds = LEDGER_CHECK_KINDS.filter((k) => totals[k] > 0);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="ledger-check-summary">
      {kinds.map((kind) => {
        const severity = worst[kind] ?? LEDGER_CHECK_KIND_SEVERITY[kind];
        const active = selected === kind;
        return (
          <Col key={kind} xs={12} sm={8} lg={6} xxl={4}>
            <Card
              size="small"
              hoverable
              role="button"
              aria-pressed={active}
              tabIndex={0}
              data-testid={`kind-${kind}`}
              onClick={() => onSelect(active ? null : kind)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(active ? null : kind);
                }
              }}
              style={{
                height: '100%',
                borderColor: active ? '#c8161d' : undefined,
                boxShadow: active ? '0 0 0 1px #c8161d' : undefined,
              }}
              styles={{ body: { padding: 12 } }}
            >
              <Statistic
                title={<span style={{ color: 'rgba(0,0,0,0.75)', fontSize: 13 }}>{LEDGER_CHECK_KIND_LABELS[kind]}</span>}
                value={totals[kind]}
                formatter={(v) => formatNumber(Number(v))}
                valueStyle={{ fontSize: 22 }}
                suffix={
                  <Tag color={SEVERITY_COLORS[severity]} style={{ marginInlineStart: 6, verticalAlign: 'middle' }}>
                    {LEDGER_CHECK_SEVERITY_LABELS[severity]}
                  </Tag>
                }
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
