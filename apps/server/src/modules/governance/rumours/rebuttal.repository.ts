import type { Rebuttal } from '@tongxin/contracts';
import type { Selectable } from 'kysely';
import type { RebuttalTable } from '../../../platform/db/types.js';

export function presentRebuttal(r: Selectable<RebuttalTable>): Rebuttal {
  return {
    id: r.id,
    title: r.title,
    claim: r.claim,
    truth: r.truth,
    sourceName: r.source_name,
    sourceUrl: r.source_url,
    publishedOn: r.published_on,
  };
}
