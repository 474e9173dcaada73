import type { DuesSheetRow } from '@tongxin/contracts';
import { Tag, Tooltip } from 'antd';
import { duesMessages as m } from './messages';

/** The run of unpaid months: from 3 an orange warning, from 6 a red 自行脱党 review; 2 a quiet reminder. */
export function ArrearsTag({ row }: { row: Pick<DuesSheetRow, 'arrearsMonths' | 'arrearsLevel'> }) {
  const n = row.arrearsMonths;
  if (row.arrearsLevel === 'lapse') {
    return (
      <Tooltip title={m.arrearsLapse(n)}>
        <Tag color="red" data-testid="arrears-lapse" style={{ whiteSpace: 'normal' }}>
          {m.arrearsLapse(n)}
        </Tag>
      </Tooltip>
    );
  }
  if (row.arrearsLevel === 'warning') {
    return (
      <Tag color="orange" data-testid="arrears-warning">
        {m.arrearsWarning(n)}
      </Tag>
    );
  }
  if (n >= 2) return <Tag>{m.arrearsShort(n)}</Tag>;
  return null;
}
