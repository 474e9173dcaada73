import { beijingDateTime } from '@tongxin/contracts/labels';

/** YYYY-MM-DD HH:mm in Beijing time. */
export const beijingDateTimeOf = (iso: string) => beijingDateTime(iso);
