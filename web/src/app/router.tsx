import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionsPage } from '../features/auth/SessionsPage';
import { AdminLayout } from '../features/admin/AdminLayout';
import { NotificationsPage } from '../features/admin/NotificationsPage';
import { RolesPage } from '../features/admin/RolesPage';
import { UnitsPage } from '../features/admin/UnitsPage';
import { UsersPage } from '../features/admin/UsersPage';
import { AuditPage } from '../features/audit/AuditPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ProtestIntakePage } from '../features/protests/ProtestIntakePage';
import { ProtestListPage } from '../features/protests/ProtestListPage';
import { ProtestRecordPage } from '../features/protests/ProtestRecordPage';
import { OutboxPage } from '../features/outbox/OutboxPage';
import { DeviceOutboxPage } from '../features/device-outbox';
import { ADMINS, AUDIT_READERS, DAK_DESK, DAK_HOLDERS, DAK_OUTAGE_REPORT_READERS, DAK_READERS, DUTY_CHART_PREPARERS, DUTY_CHART_READERS, OUTBOX_READERS, PROTEST_INTAKE, PROTEST_READERS, RECORDS_IMPORTERS, VERIFICATION_INTAKE, VERIFICATION_READERS, VIP_ACCESS_LOG_READERS, VIP_DESK, VIP_READERS } from '../lib/roles';
import { useSession } from '../lib/use-session';
import { navFor } from './nav';
import { NotFoundPage } from '../components/NotFoundPage';
import { RequireRoles } from './RequireRoles';
import { RequireSession } from './RequireSession';
import { Shell } from './Shell';

// The duty-chart builder is a chunk of its own, fetched when one of its screens is opened.
const dutyCharts = () => import('../features/duty-charts');
const DutyChartsLayout = lazy(() => dutyCharts().then((m) => ({ default: m.DutyChartsLayout })));
const BandobastListPage = lazy(() => dutyCharts().then((m) => ({ default: m.BandobastListPage })));
const BandobastEditorPage = lazy(() => dutyCharts().then((m) => ({ default: m.BandobastEditorPage })));
const BandobastPage = lazy(() => dutyCharts().then((m) => ({ default: m.BandobastPage })));
const ChartPage = lazy(() => dutyCharts().then((m) => ({ default: m.ChartPage })));
const RollPage = lazy(() => dutyCharts().then((m) => ({ default: m.RollPage })));
// The VIP desk, likewise: each of its screens when opened.
const ProgrammeListPage = lazy(() => import('../features/vip/ProgrammeListPage').then((m) => ({ default: m.ProgrammeListPage })));
const ProgrammeRecordPage = lazy(() => import('../features/vip/ProgrammeRecordPage').then((m) => ({ default: m.ProgrammeRecordPage })));
const NewProgrammePage = lazy(() => import('../features/vip/ProgrammeEditorPage').then((m) => ({ default: m.NewProgrammePage })));
const ReviseProgrammePage = lazy(() => import('../features/vip/ProgrammeEditorPage').then((m) => ({ default: m.ReviseProgrammePage })));
const AccessLogPage = lazy(() => import('../features/vip/AccessLogPage').then((m) => ({ default: m.AccessLogPage })));
// The records-index import, an admin's screen, likewise.
// Character verification's queue, intake, record and field visit: one chunk of their own.
const verifications = () => import('../features/verifications/screens');
const VerificationQueuePage = lazy(() => verifications().then((m) => ({ default: m.VerificationQueuePage })));
const VerificationIntakePage = lazy(() => verifications().then((m) => ({ default: m.VerificationIntakePage })));
const VerificationRecordPage = lazy(() => verifications().then((m) => ({ default: m.VerificationRecordPage })));
const FieldVisitPage = lazy(() => verifications().then((m) => ({ default: m.FieldVisitPage })));
// The dak register's screens: one chunk of their own.
const dak = () => import('../features/dak/screens');
const DakRegisterPage = lazy(() => dak().then((m) => ({ default: m.DakRegisterPage })));
const DakIntakePage = lazy(() => dak().then((m) => ({ default: m.DakIntakePage })));
const DakItemPage = lazy(() => dak().then((m) => ({ default: m.DakItemPage })));
const DakInboxPage = lazy(() => dak().then((m) => ({ default: m.DakInboxPage })));
const DakEmailQueuePage = lazy(() => dak().then((m) => ({ default: m.DakEmailQueuePage })));
const DakFilesPage = lazy(() => dak().then((m) => ({ default: m.DakFilesPage })));
const DakFilePage = lazy(() => dak().then((m) => ({ default: m.DakFilePage })));
const DakOutageReportPage = lazy(() => dak().then((m) => ({ default: m.DakOutageReportPage })));
const RecordsImportPage = lazy(() => import('../features/verifications/RecordsImportPage').then((m) => ({ default: m.RecordsImportPage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p className="muted page">{t('app.loading')}</p>}>{children}</Suspense>;
}

/** `/`: the first screen of the navigation this user has. */
function Home() {
  const state = useSession();
  const first = state.status === 'signed-in' ? navFor(state.me.roles)[0] : undefined;
  return <Navigate to={first?.to ?? '/sessions'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Home /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'device-outbox', element: <DeviceOutboxPage /> },
          {
            path: 'protests',
            element: (
              <RequireRoles roles={PROTEST_READERS}>
                <ProtestListPage />
              </RequireRoles>
            ),
          },
          {
            path: 'protests/new',
            element: (
              <RequireRoles roles={PROTEST_INTAKE}>
                <ProtestIntakePage />
              </RequireRoles>
            ),
          },
          {
            path: 'protests/:id',
            element: (
              <RequireRoles roles={PROTEST_READERS}>
                <ProtestRecordPage />
              </RequireRoles>
            ),
          },
          {
            path: 'duty-charts',
            element: (
              <RequireRoles roles={DUTY_CHART_READERS}>
                <Loading>
                  <DutyChartsLayout />
                </Loading>
              </RequireRoles>
            ),
            children: [
              { index: true, element: <Loading><BandobastListPage /></Loading> },
              { path: 'roll', element: <Loading><RollPage /></Loading> },
              {
                path: 'new',
                element: (
                  <RequireRoles roles={DUTY_CHART_PREPARERS}>
                    <Loading>
                      <BandobastEditorPage />
                    </Loading>
                  </RequireRoles>
                ),
              },
              { path: 'charts/:chartId', element: <Loading><ChartPage /></Loading> },
              { path: ':id', element: <Loading><BandobastPage /></Loading> },
            ],
          },
          {
            path: 'vip-programmes',
            element: (
              <RequireRoles roles={VIP_READERS}>
                <Loading>
                  <ProgrammeListPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'vip-programmes/new',
            element: (
              <RequireRoles roles={VIP_DESK}>
                <Loading>
                  <NewProgrammePage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'vip-programmes/:id',
            element: (
              <RequireRoles roles={VIP_READERS}>
                <Loading>
                  <ProgrammeRecordPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'vip-programmes/:id/revise',
            element: (
              <RequireRoles roles={VIP_DESK}>
                <Loading>
                  <ReviseProgrammePage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'vip-programmes/:id/access-log',
            element: (
              <RequireRoles roles={VIP_ACCESS_LOG_READERS}>
                <Loading>
                  <AccessLogPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'outbox',
            element: (
              <RequireRoles roles={OUTBOX_READERS}>
                <OutboxPage />
              </RequireRoles>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireRoles roles={AUDIT_READERS}>
                <AuditPage />
              </RequireRoles>
            ),
          },
          {
            path: 'admin',
            element: (
              <RequireRoles roles={ADMINS}>
                <AdminLayout />
              </RequireRoles>
            ),
            children: [
              { index: true, element: <Navigate to="/admin/users" replace /> },
              { path: 'users', element: <UsersPage /> },
              { path: 'roles', element: <RolesPage /> },
              { path: 'units', element: <UnitsPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
            ],
          },
          {
            path: 'verifications/records-index',
            element: (
              <RequireRoles roles={RECORDS_IMPORTERS}>
                <Loading>
                  <RecordsImportPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'verifications',
            element: (
              <RequireRoles roles={VERIFICATION_READERS}>
                <Loading>
                  <VerificationQueuePage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'verifications/new',
            element: (
              <RequireRoles roles={VERIFICATION_INTAKE}>
                <Loading>
                  <VerificationIntakePage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'verifications/:id',
            element: (
              <RequireRoles roles={VERIFICATION_READERS}>
                <Loading>
                  <VerificationRecordPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'verifications/:id/visit',
            element: (
              <RequireRoles roles={VERIFICATION_INTAKE}>
                <Loading>
                  <FieldVisitPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak',
            element: (
              <RequireRoles roles={DAK_READERS}>
                <Loading>
                  <DakRegisterPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak/new',
            element: (
              <RequireRoles roles={DAK_DESK}>
                <Loading>
                  <DakIntakePage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak/inbox',
            element: (
              <RequireRoles roles={DAK_HOLDERS}>
                <Loading>
                  <DakInboxPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak/email',
            element: (
              <RequireRoles roles={DAK_DESK}>
                <Loading>
                  <DakEmailQueuePage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak/files',
            element: (
              <RequireRoles roles={DAK_READERS}>
                <Loading>
                  <DakFilesPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak/files/:id',
            element: (
              <RequireRoles roles={DAK_READERS}>
                <Loading>
                  <DakFilePage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak/outage-report',
            element: (
              <RequireRoles roles={DAK_OUTAGE_REPORT_READERS}>
                <Loading>
                  <DakOutageReportPage />
                </Loading>
              </RequireRoles>
            ),
          },
          {
            path: 'dak/:id',
            element: (
              <RequireRoles roles={DAK_READERS}>
                <Loading>
                  <DakItemPage />
                </Loading>
              </RequireRoles>
            ),
          },
          { path: 'sessions', element: <SessionsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
