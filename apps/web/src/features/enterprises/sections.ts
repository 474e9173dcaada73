import { type ComponentType, lazy } from 'react';

/**
 * Extra sections of the enterprise detail page, contributed by other capabilities (the service liaison's
 * requests, issue #6 point 4). Each gets the enterprise and renders its own card body; it does its own
 * fetching and access checks (its API answers 403/404 as the server decides). Add an entry here, lazily
 * imported, e.g. `{ key: 'requests', title: '服务联抓诉求', Component: lazy(() => import('../liaison/EnterpriseRequests')) }`.
 */
export interface EnterpriseSection {
  key: string;
  title: string;
  Component: ComponentType<{ enterpriseId: string; enterpriseName: string }>;
}

export const ENTERPRISE_DETAIL_SECTIONS: EnterpriseSection[] = [
  { key: 'requests', title: '企业诉求（服务联抓）', Component: lazy(() => import('../services/EnterpriseServiceSection')) },
];
