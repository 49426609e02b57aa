import type { components } from '../api/schema';

export type Role = components['schemas']['UserView']['roles'][number];

/** Whether the user holds any of these roles (the API decides; this only shapes the screens). */
export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}

// Who may read what, as the API's routes declare it (their @Roles), for showing only what works.
/** GET /protests/board, /protests, /protests/restriction-orders */
export const PROTEST_READERS: readonly Role[] = ['CONTROL_ROOM', 'APPROVER', 'OFFICER', 'ADMIN', 'AUDITOR'];
/** GET /vip-programmes (units see only what concerns them) */
export const VIP_READERS: readonly Role[] = ['CONTROL_ROOM', 'APPROVER', 'OFFICER', 'DUTY_OFFICER'];
/** POST /vip-programmes, …/revisions (and their check), …/resend; GET /protectees (the VIP desk) */
export const VIP_DESK: readonly Role[] = ['CONTROL_ROOM', 'APPROVER'];
/** POST /vip-programmes/:id/revisions/:revision/acknowledge (a unit concerned) */
export const VIP_ACKNOWLEDGERS: readonly Role[] = ['OFFICER', 'DUTY_OFFICER'];
/** GET /vip-programmes/:id/access-log */
export const VIP_ACCESS_LOG_READERS: readonly Role[] = ['AUDITOR'];
/** GET /notifications/unsent */
export const NOTIFICATION_WATCHERS: readonly Role[] = ['ADMIN', 'CONTROL_ROOM'];
/** The dashboard: whoever can see at least one of its panels beyond e-Office's state. */
export const DASHBOARD_ROLES: readonly Role[] = [...new Set([...PROTEST_READERS, ...VIP_READERS, ...NOTIFICATION_WATCHERS])];
/** GET /eoffice/outbox and one item */
export const OUTBOX_READERS: readonly Role[] = ['ADMIN', 'CONTROL_ROOM'];
/** POST /eoffice/outbox/:id/retry (the outbox workflow's retry) */
export const OUTBOX_RETRIERS: readonly Role[] = ['ADMIN', 'CONTROL_ROOM'];
/** POST /eoffice/outbox/:id/cancel */
export const OUTBOX_CANCELLERS: readonly Role[] = ['ADMIN'];
/** GET /audit and /audit/verify */
export const AUDIT_READERS: readonly Role[] = ['AUDITOR', 'ADMIN'];
/** /users, the units' writes and import, GET /notifications */
export const ADMINS: readonly Role[] = ['ADMIN'];
/** /verifications/records-index/imports: the criminal-records index's import and its history */
export const RECORDS_IMPORTERS: readonly Role[] = ['ADMIN'];
/** POST /protests, /protests/check, /protests/:id/attachments */
export const PROTEST_INTAKE: readonly Role[] = ['CONTROL_ROOM'];
/** GET /bandobasts, /bandobasts/:id (and its charts), /duty-charts/:id and its progress, duties, papers and PDFs; GET /officers */
export const DUTY_CHART_READERS: readonly Role[] = ['ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'APPROVER', 'AUDITOR'];
/** POST /bandobasts and their divisions and charts, the chart workflow (solve, edit, publish, discard), POST /officers/import, availability writes */
export const DUTY_CHART_PREPARERS: readonly Role[] = ['ADMIN', 'DUTY_OFFICER'];
/** GET /officers/:id/availability */
export const AVAILABILITY_READERS: readonly Role[] = ['ADMIN', 'DUTY_OFFICER', 'CONTROL_ROOM', 'AUDITOR'];
/** GET /verifications, /verifications/:id, /workload, /sla-board: character verification's readers (the API keeps each to its chain) */
export const VERIFICATION_READERS: readonly Role[] = ['VERIFIER', 'APPROVER', 'AUDITOR'];
/** POST /verifications and its attachments; GET /verifications/queue (a verifier's own) */
export const VERIFICATION_INTAKE: readonly Role[] = ['VERIFIER'];
/** GET /dak, /dak/:id and its scans: everyone (the API keeps each to their unit, the items they held, and graded items to a need to know) */
export const DAK_READERS: readonly Role[] = ['ADMIN', 'CONTROL_ROOM', 'APPROVER', 'VERIFIER', 'DUTY_OFFICER', 'OFFICER', 'AUDITOR'];
/** POST /dak, confirm and mark of fresh items: the dak clerk's desk (DAK_DESK_ROLES) */
export const DAK_DESK: readonly Role[] = ['CONTROL_ROOM', 'ADMIN'];
/** Who can hold dak (DAK_HOLDER_ROLES): the inbox, receive, forward, reply, put in file, close, reopen, scans; the auditor reads but never holds */
export const DAK_HOLDERS: readonly Role[] = ['ADMIN', 'CONTROL_ROOM', 'APPROVER', 'VERIFIER', 'DUTY_OFFICER', 'OFFICER'];
/** GET /eoffice/outages and /dak/outage-reports/:outageId (its CSV and PDF): the dak desk, admins and auditors */
export const DAK_OUTAGE_REPORT_READERS: readonly Role[] = ['CONTROL_ROOM', 'ADMIN', 'AUDITOR'];
