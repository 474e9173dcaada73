import { ageOn } from '@tongxin/contracts/labels';
import { formatDate } from '../../lib/format';

/** Today's date in Beijing (the business calendar), YYYY-MM-DD. */
export const beijingToday = (): string => formatDate(new Date().toISOString());

/** Age in whole years today, or null without a birth date. */
export const ageToday = (birthDate: string | null): number | null => (birthDate ? ageOn(birthDate, beijingToday()) : null);
