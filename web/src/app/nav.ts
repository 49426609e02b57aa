import { ADMINS, AUDIT_READERS, DAK_DESK, DAK_HOLDERS, DAK_OUTAGE_REPORT_READERS, DAK_READERS, DASHBOARD_ROLES, DUTY_CHART_READERS, hasAnyRole, OUTBOX_READERS, PROTEST_INTAKE, PROTEST_READERS, RECORDS_IMPORTERS, VERIFICATION_INTAKE, VERIFICATION_READERS, VIP_READERS, type Role } from '../lib/roles';

/**
 * The navigation: one entry per screen that exists, shown to the roles that can use it.
 * Add a feature's entry here together with its route (app/router.tsx).
 */
export interface NavEntry {
  to: string;
  /** i18n key of its label */
  label: string;
  /** Who sees it; undefined: every signed-in user. */
  roles?: readonly Role[];
  /** Marked current only on this path itself, not on the paths under it. */
  end?: boolean;
}

export const NAV: readonly NavEntry[] = [
  { to: '/dashboard', label: 'nav.dashboard', roles: DASHBOARD_ROLES },
  { to: '/protests/new', label: 'nav.protestIntake', roles: PROTEST_INTAKE },
  { to: '/protests', label: 'nav.protests', roles: PROTEST_READERS, end: true },
  { to: '/vip-programmes', label: 'vipDesk.nav', roles: VIP_READERS },
  { to: '/duty-charts', label: 'dutyCharts.nav.charts', roles: DUTY_CHART_READERS },
  { to: '/verifications', label: 'verification.nav.queue', roles: VERIFICATION_READERS, end: true },
  { to: '/verifications/new', label: 'verification.nav.intake', roles: VERIFICATION_INTAKE },
  { to: '/dak/inbox', label: 'dak.nav.inbox', roles: DAK_HOLDERS },
  { to: '/dak/new', label: 'dak.nav.intake', roles: DAK_DESK },
  { to: '/dak/email', label: 'dak.nav.email', roles: DAK_DESK },
  { to: '/dak', label: 'dak.nav.register', roles: DAK_READERS, end: true },
  { to: '/dak/outage-report', label: 'dak.nav.outageReport', roles: DAK_OUTAGE_REPORT_READERS },
  { to: '/outbox', label: 'nav.outbox', roles: OUTBOX_READERS },
  { to: '/audit', label: 'nav.audit', roles: AUDIT_READERS },
  { to: '/admin', label: 'nav.admin', roles: ADMINS },
  { to: '/verifications/records-index', label: 'recordsImport.nav', roles: RECORDS_IMPORTERS },
  { to: '/sessions', label: 'nav.sessions' },
];

export function navFor(roles: readonly Role[]): NavEntry[] {
  return NAV.filter((e) => !e.roles || hasAnyRole(roles, e.roles));
}
