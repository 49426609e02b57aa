/** How protest applications are named in the audit log, the outbox, documents and notifications. */
export const PROTEST_SOURCE = 'protest_application';
