import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { meKey } from '../features/auth/api';
import { setAuthHandlers } from '../lib/api';
import { queryClient } from '../lib/queryClient';
import { FullPageSpin, RequireAuth } from './RequireAuth';

const LoginPage = lazy(() => import('../routes/LoginPage'));
const ChangePasswordPage = lazy(() => import('../routes/ChangePasswordPage'));
const AppLayout = lazy(() => import('./layout/AppLayout'));
const HomeRedirect = lazy(() => import('../routes/HomeRedirect'));
const HomePage = lazy(() => import('../routes/HomePage'));
const NoticesPage = lazy(() => import('../routes/NoticesPage'));
const NoticePage = lazy(() => import('../routes/NoticePage'));
const AppraisalsPage = lazy(() => import('../routes/AppraisalsPage'));
const AppraisalPage = lazy(() => import('../routes/AppraisalPage'));
const RatingsPage = lazy(() => import('../routes/RatingsPage'));
const RatingRoundPage = lazy(() => import('../routes/RatingRoundPage'));
const RatingPage = lazy(() => import('../routes/RatingPage'));
const RatingRubricPage = lazy(() => import('../routes/RatingRubricPage'));
const OrgWorkspace = lazy(() => import('../routes/OrgWorkspace'));
const OrgPage = lazy(() => import('../routes/OrgPage'));
const AccountsPage = lazy(() => import('../routes/AccountsPage'));
const AuditPage = lazy(() => import('../routes/AuditPage'));
const LedgerCheckPage = lazy(() => import('../routes/LedgerCheckPage'));
const MembersPage = lazy(() => import('../routes/MembersPage'));
const MemberPage = lazy(() => import('../routes/MemberPage'));
const TransfersPage = lazy(() => import('../routes/TransfersPage'));
const DuesPage = lazy(() => import('../routes/DuesPage'));
const DevelopmentPage = lazy(() => import('../routes/DevelopmentPage'));
const DevelopmentPersonPage = lazy(() => import('../routes/DevelopmentPersonPage'));
const MeetingsPage = lazy(() => import('../routes/MeetingsPage'));
const MeetingCompliancePage = lazy(() => import('../routes/MeetingCompliancePage'));
const MemberImportPage = lazy(() => import('../routes/MemberImportPage'));
const ServiceQueuePage = lazy(() => import('../routes/ServiceQueuePage'));
const MyServiceRequestsPage = lazy(() => import('../routes/MyServiceRequestsPage'));
const RaiseServiceRequestPage = lazy(() => import('../routes/RaiseServiceRequestPage'));
const ServiceRequestPage = lazy(() => import('../routes/ServiceRequestPage'));
const EnterprisesPage = lazy(() => import('../routes/EnterprisesPage'));
const EnterprisePage = lazy(() => import('../routes/EnterprisePage'));
const EnterpriseImportPage = lazy(() => import('../routes/EnterpriseImportPage'));
const CoveragePage = lazy(() => import('../routes/CoveragePage'));
const InstructorWorkPage = lazy(() => import('../routes/InstructorWorkPage'));
const GovernancePledgesPage = lazy(() => import('../routes/GovernancePledgesPage'));
const GovernancePledgePage = lazy(() => import('../routes/GovernancePledgePage'));
const MediaMatrixPage = lazy(() => import('../routes/MediaMatrixPage'));
const HotEventsPage = lazy(() => import('../routes/HotEventsPage'));
const ReleasePage = lazy(() => import('../routes/ReleasePage'));
const RelayTasksPage = lazy(() => import('../routes/RelayTasksPage'));
const RumoursPage = lazy(() => import('../routes/RumoursPage'));
const NotFoundPage = lazy(() => import('../routes/NotFoundPage'));
const EventsPage = lazy(() => import('../routes/EventsPage'));
const EventPage = lazy(() => import('../routes/EventPage'));
const EventCheckInPage = lazy(() => import('../routes/EventCheckInPage'));
const MyPage = lazy(() => import('../routes/MyPage'));
const StudyHoursPage = lazy(() => import('../routes/StudyHoursPage'));

const page = (node: ReactNode) => <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;

const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  { path: '/change-password', element: <RequireAuth pending>{page(<ChangePasswordPage />)}</RequireAuth> },
  {
    path: '/',
    element: <RequireAuth>{page(<AppLayout />)}</RequireAuth>,
    children: [
      { index: true, element: page(<HomePage />) },
      {
        path: 'orgs',
        element: page(<OrgWorkspace />),
        children: [
          { index: true, element: page(<HomeRedirect tree />) },
          { path: ':id', element: page(<OrgPage />) },
        ],
      },
      { path: 'members', element: page(<MembersPage />) },
      { path: 'members/health', element: page(<LedgerCheckPage />) },
      { path: 'members/import', element: page(<MemberImportPage />) },
      { path: 'members/:id', element: page(<MemberPage />) },
      { path: 'transfers', element: page(<TransfersPage />) },
      { path: 'dues', element: page(<DuesPage />) },
      { path: 'notices', element: page(<NoticesPage />) },
      { path: 'notices/:id', element: page(<NoticePage />) },
      { path: 'appraisals', element: page(<AppraisalsPage />) },
      { path: 'appraisals/:id', element: page(<AppraisalPage />) },
      { path: 'ratings', element: page(<RatingsPage />) },
      { path: 'ratings/rounds/:id', element: page(<RatingRoundPage />) },
      { path: 'ratings/rubrics/:version', element: page(<RatingRubricPage />) },
      { path: 'ratings/:id', element: page(<RatingPage />) },
      { path: 'development', element: page(<DevelopmentPage />) },
      { path: 'development/people/:id', element: page(<DevelopmentPersonPage />) },
      { path: 'services', element: page(<ServiceQueuePage />) },
      { path: 'services/mine', element: page(<MyServiceRequestsPage />) },
      { path: 'services/new', element: page(<RaiseServiceRequestPage />) },
      { path: 'services/:id', element: page(<ServiceRequestPage />) },
      { path: 'enterprises', element: page(<EnterprisesPage />) },
      { path: 'enterprises/import', element: page(<EnterpriseImportPage />) },
      { path: 'enterprises/:id', element: page(<EnterprisePage />) },
      { path: 'coverage', element: page(<CoveragePage />) },
      { path: 'instructor-work', element: page(<InstructorWorkPage />) },
      { path: 'events', element: page(<EventsPage />) },
      { path: 'events/check-in', element: page(<EventCheckInPage />) },
      { path: 'events/:id', element: page(<EventPage />) },
      { path: 'my', element: page(<MyPage />) },
      { path: 'study-hours', element: page(<StudyHoursPage />) },
      { path: 'meetings', element: page(<MeetingsPage />) },
      { path: 'meetings/compliance', element: page(<MeetingCompliancePage />) },
      { path: 'admin/accounts', element: page(<AccountsPage />) },
      { path: 'admin/audit', element: page(<AuditPage />) },
      { path: 'governance/pledges', element: page(<GovernancePledgesPage />) },
      { path: 'governance/pledges/:id', element: page(<GovernancePledgePage />) },
      { path: 'governance/media', element: page(<MediaMatrixPage />) },
      { path: 'governance/events', element: page(<HotEventsPage />) },
      { path: 'governance/releases/:id', element: page(<ReleasePage />) },
      { path: 'governance/tasks', element: page(<RelayTasksPage />) },
      { path: 'governance/rumours', element: page(<RumoursPage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);

setAuthHandlers({
  unauthenticated: () => {
    queryClient.setQueryData(meKey, null);
    if (window.location.pathname !== '/login') void router.navigate('/login', { replace: true });
  },
  passwordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: meKey });
    void router.navigate('/change-password', { replace: true });
  },
});

export function AppRouter() {
  return <RouterProvider router={router} />;
}
