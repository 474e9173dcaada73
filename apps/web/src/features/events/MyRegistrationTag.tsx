import type { RegistrationDto } from '@tongxin/contracts';
import { Tag } from 'antd';
import { eventMessages as m } from './messages';

export function MyRegistrationTag({ mine }: { mine: RegistrationDto | null }) {
  if (!mine || mine.status === 'cancelled') return null;
  if (mine.checkedInAt) return <Tag color="green">{m.mine.checkedIn}</Tag>;
  if (mine.status === 'waiting') return <Tag color="orange">{m.mine.waiting(mine.queuePosition)}</Tag>;
  return <Tag color="blue">{m.mine.registered}</Tag>;
}
