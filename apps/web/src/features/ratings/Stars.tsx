import { STAR_LABELS, type StarLevel } from '@tongxin/contracts/labels';
import { Rate, Tooltip, Typography } from 'antd';

/** A star level as stars (read-only), with its name for screen readers and on hover; a dash when none. */
export function Stars({ stars, small }: { stars: number | null | undefined; small?: boolean }) {
  if (!stars) return <Typography.Text type="secondary">—</Typography.Text>;
  const label = STAR_LABELS[stars as StarLevel];
  return (
    <Tooltip title={label}>
      <span role="img" aria-label={label} data-stars={stars}>
        <Rate disabled value={stars} style={{ fontSize: small ? 13 : 16, whiteSpace: 'nowrap' }} />
      </span>
    </Tooltip>
  );
}
