import { ageOn, beijingDate } from '@tongxin/contracts/labels';

/** Today's date in Beijing (the business calendar), YYYY-MM-DD. */
export const beijingToday = (): string => beijingDate(Date.now());

/** Age in whole years today, or null without a birth date. */
export const ageToday = (birthDate: string | null): number | null => (birthDate ? ageOn(birthDate, beijingToday()) : null);
