import type { MemberDetail } from '@tongxin/contracts';
import {
  ARCHIVE_REASON_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  MOBILITY_LABELS,
  TALENT_FLAGS,
  TALENT_LABELS,
} from '@tongxin/contracts/labels';
import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format';
import { ageToday } from './dates';
import { MemberStatusTag } from './MemberStatusTag';
import { memberMessages as m } from './messages';

const f = m.field;
const dash = (v: string | null | undefined) => v || m.none;

/** Every field of the record, the ID number and phone masked (DP-04). */
export function MemberProfile({ member, mobile }: { member: MemberDetail; mobile: boolean }) {
  const age = ageToday(member.birthDate);
  const talents = TALENT_FLAGS.filter((t) => member.talents[t]);
  return (
    <Descriptions
      bordered
      size="small"
      column={mobile ? 1 : { xs: 1, md: 2, xl: 3 }}
      styles={{ label: { width: mobile ? 96 : 120, whiteSpace: 'nowrap' } }}
      data-testid="member-profile"
      items={[
        { key: 'name', label: f.name, children: member.name },
        { key: 'gender', label: f.gender, children: member.gender ? GENDER_LABELS[member.gender] : m.none },
        { key: 'ethnicity', label: f.ethnicity, children: dash(member.ethnicity) },
        {
          key: 'birthDate',
          label: f.birthDate,
          children: age === null ? m.none : `${formatDate(member.birthDate)}（${m.age(age)}）`,
        },
        {
          key: 'idNumber',
          label: f.idNumber,
          children: <span data-testid="masked-id-number">{dash(member.idNumberMasked)}</span>,
        },
        { key: 'phone', label: f.phone, children: <span data-testid="masked-phone">{dash(member.phoneMasked)}</span> },
        { key: 'education', label: f.education, children: member.education ? EDUCATION_LABELS[member.education] : m.none },
        { key: 'status', label: f.status, children: <MemberStatusTag status={member.status} /> },
        { key: 'mobility', label: f.mobility, children: MOBILITY_LABELS[member.mobility] },
        { key: 'joinedOn', label: f.joinedOn, children: formatDate(member.joinedOn) },
        { key: 'fullOn', label: f.fullOn, children: formatDate(member.fullOn) },
        { key: 'org', label: f.orgId, children: member.orgName },
        {
          key: 'employer',
          label: f.employerName,
          // Linked to the registry: a link to the enterprise's page, when this viewer may open it.
          children:
            member.employerLinkVisible && member.enterpriseId ? (
              <Link to={`/enterprises/${member.enterpriseId}`} data-testid="member-employer-link">
                {member.employerName}
              </Link>
            ) : (
              dash(member.employerName)
            ),
        },
        { key: 'position', label: f.position, children: dash(member.position) },
        {
          key: 'talents',
          label: f.talents,
          children: talents.length
            ? talents.map((t) => (
                <Tag key={t} color="gold">
                  {TALENT_LABELS[t]}
                </Tag>
              ))
            : m.noTalent,
        },
        ...(member.archivedAt
          ? [
              {
                key: 'archived',
                label: m.archivedTag,
                children: `${member.archiveReason ? ARCHIVE_REASON_LABELS[member.archiveReason] : ''}（${formatDate(member.archivedAt)}）`,
              },
            ]
          : []),
        {
          key: 'remarks',
          label: f.remarks,
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(member.remarks)}</span>,
          span: 'filled' as const,
        },
        { key: 'createdAt', label: m.createdAt, children: formatDateTime(member.createdAt) },
        { key: 'updatedAt', label: m.updatedAt, children: formatDateTime(member.updatedAt) },
      ]}
    />
  );
}
