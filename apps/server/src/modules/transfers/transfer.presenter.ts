import { type TransferSummary, transferFlags } from '@tongxin/contracts';
import type { TransferListRow } from './transfer.repository.js';

export type { TransferListRow } from './transfer.repository.js';

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
    crossProvince: r.cross_province,
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
