import { useMe } from '../features/auth/api';
import { enterpriseKeys } from '../features/enterprises/api';
import { ENTERPRISE_IMPORT } from '../features/enterprises/importKind';
import { ImportWizard } from '../features/member-import/ImportWizard';

/** 导入企业名录: the member ledger's import wizard on the enterprise registry's routes. */
export default function EnterpriseImportPage() {
  const me = useMe().data;
  return (
    <ImportWizard
      kind={ENTERPRISE_IMPORT}
      allowed={Boolean(me?.abilities.manageEnterprises)}
      listHref="/enterprises"
      invalidate={[enterpriseKeys.all]}
    />
  );
}
