import { type TransferSummary, transferFlags } from '@tongxin/contracts';
import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../platform/db/types.js';
import type { TransferRow } from './transfer.repository.js';

/** The transfer with its two orgs' names (either may be outside the city, hence the left joins). */
export function selectTransfers<O>(qb: SelectQueryBuilder<DB, 'transfer', O>) {
  return qb
    .leftJoin('org as from_org', 'from_org.id', 'transfer.from_org_id')
    .leftJoin('org as to_org', 'to_org.id', 'transfer.to_org_id')
    .selectAll('transfer')
    .select(['from_org.name as from_org_name', 'to_org.name as to_org_name']);
}

export type TransferListRow = TransferRow & { from_org_name: string | null; to_org_name: string | null };

/**
 * What either side sees of a transfer: names of both orgs (as on the paper letter), the member's name and
 * masked ID number. Never the sealed ID or phone, nor the incoming record's other fields.
 */
export function presentTransfer(r: TransferListRow, today: string, abilities: TransferSummary['abilities']): TransferSummary {
  return {
    id: r.id,
    direction: r.direction,
    status: r.status,
    memberId: r.member_id,
    memberName: r.member_name,
    idNumberMasked: r.id_number_masked,
    fromOrg: r.from_org_id ? { id: r.from_org_id, name: r.from_org_name ?? '' } : null,
    toOrg: r.to_org_id ? { id: r.to_org_id, name: r.to_org_name ?? '' } : null,
    externalOrgName: r.external_org_name,
    crossProvince: r.cross_province === 1,
    letterNo: r.letter_no,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    receiptDue: r.receipt_due,
    receiptOn: r.receipt_on,
    reason: r.reason,
    note: r.note,
    resolutionNote: r.resolution_note,
    createdAt: r.created_at,
    flags: transferFlags({ status: r.status, validUntil: r.valid_until, receiptDue: r.receipt_due }, today),
    abilities,
  };
}
