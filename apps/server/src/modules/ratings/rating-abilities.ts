import type { RatingSummary } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { RatingRow, RoundRow } from './rating.repository.js';

/** Whether the self-rating window is open on a Beijing date. */
export const inWindow = (round: RoundRow, today: string) => round.self_from <= today && today <= round.self_until;

/** What the user may do with a rating now (buttons come from here, never from roles in the browser). */
export async function ratingAbilities(
  access: Access,
  round: RoundRow,
  rating: RatingRow,
  today: string,
): Promise<RatingSummary['abilities']> {
  const open = round.status === 'open';
  return {
    selfRate: open && rating.status === 'draft' && inWindow(round, today) && (await access.can('rating.self', rating.org_id)),
    review:
      open &&
      (rating.status === 'submitted' || rating.status === 'reviewed') &&
      rating.parent_id !== null &&
      rating.submitted_by !== access.user?.id &&
      (await access.can('rating.review', rating.parent_id)),
    approve: open && rating.status === 'reviewed' && (await access.can('rating.approve', round.org_id)),
  };
}
