import {
  COVERAGE_KIND_LABELS,
  type CoverageKind,
  OPERATING_STATUS_LABELS,
  type OperatingStatus,
} from '@tongxin/contracts/labels';
import { Tag } from 'antd';

const COVERAGE_COLORS: Record<CoverageKind, string> = { own: 'red', joint: 'orange', none: 'default' };
const STATUS_COLORS: Record<OperatingStatus, string> = { operating: 'green', suspended: 'gold', deregistered: 'default' };

export const CoverageTag = ({ kind }: { kind: CoverageKind }) => (
  <Tag color={COVERAGE_COLORS[kind]} data-testid="coverage-tag">
    {COVERAGE_KIND_LABELS[kind]}
  </Tag>
);

export const OperatingTag = ({ status }: { status: OperatingStatus }) => (
  <Tag color={STATUS_COLORS[status]}>{OPERATING_STATUS_LABELS[status]}</Tag>
);
