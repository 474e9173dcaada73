import { useMe } from '../features/auth/api';
import { ImportWizard } from '../features/member-import/ImportWizard';
import { MEMBER_IMPORT } from '../features/member-import/kind';
import { memberKeys } from '../features/members/api';

/** 导入党员名册: the shared import wizard on the member ledger's routes. */
export default function MemberImportPage() {
  const me = useMe().data;
  return (
    <ImportWizard
      kind={MEMBER_IMPORT}
      allowed={Boolean(me?.abilities.importMembers)}
      listHref="/members"
      invalidate={[memberKeys.all]}
    />
  );
}
