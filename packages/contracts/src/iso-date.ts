import { z } from 'zod';
import { isCalendarDate } from './id-number.js';

/** A date field (YYYY-MM-DD naming a real day), its messages naming the field. */
export const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isCalendarDate, `${label}不是有效的日期`);
