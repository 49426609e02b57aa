import { StateMachine } from '../../platform/workflow';

// Character verification: the whole workflow in one table. While UNDER_ENQUIRY the thana's
// verifier visits, runs the records check and rules on its hits; the report (CLEAR, ADVERSE,
// INCOMPLETE) goes to the circle's DSP, who signs it off or sends it back.

export const VERIFICATION_STATUSES = ['UNDER_ENQUIRY', 'REPORTED', 'SIGNED_OFF'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * Each action of the API, the states it may be taken from, where it leads, and who may take it.
 * The service further requires the user's unit to be the application's thana or above it
 * (the handling unit's chain), as for reading it.
 */
export const VERIFICATION_WORKFLOW = new StateMachine({
  name: 'verification application',
  states: VERIFICATION_STATUSES,
  subject: (app: { ref: string }) => app.ref,
  actions: {
    reassign: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER', 'APPROVER'] },
    recordVisit: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER'] },
    checkRecords: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER'] },
    adjudicateHit: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER'] },
    submitReport: { from: ['UNDER_ENQUIRY'], to: 'REPORTED', roles: ['VERIFIER'] },
    // The DSP (ACP) of the circle: an APPROVER whose unit is the thana's circle or above it.
    signOff: { from: ['REPORTED'], to: 'SIGNED_OFF', roles: ['APPROVER'] },
    sendBack: { from: ['REPORTED'], to: 'UNDER_ENQUIRY', roles: ['APPROVER'] },
  },
});
export type VerificationAction = (typeof VERIFICATION_WORKFLOW.actions)[number];

/** Open work: what counts in a verifier's load and in the queues. */
export const OPEN_STATUSES: readonly VerificationStatus[] = ['UNDER_ENQUIRY', 'REPORTED'];
