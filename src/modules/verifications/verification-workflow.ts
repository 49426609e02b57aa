import { StateMachine } from '../../platform/workflow';

// Character verification: the whole workflow in one table. While UNDER_ENQUIRY the thana's
// verifier visits, runs the records check and rules on its hits; the report (CLEAR, ADVERSE,
// INCOMPLETE) goes to the circle's DSP, who signs it off (issuing the certificate or the report
// letter) or sends it back. An ADVERSE or INCOMPLETE decision may go to a first appeal (the
// Addl. SP) and, if upheld, a second (the SP); an appeal that overturns it issues the
// certificate. A certificate in force may be withdrawn by an APPROVER of the chain.

export const VERIFICATION_STATUSES = [
  'UNDER_ENQUIRY',
  'REPORTED',
  'SIGNED_OFF',
  'IN_FIRST_APPEAL',
  'FIRST_APPEAL_DECIDED',
  'IN_SECOND_APPEAL',
  'SECOND_APPEAL_DECIDED',
  'CERTIFICATE_WITHDRAWN',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** What the guards read of an application. */
interface Guarded {
  ref: string;
  outcome: string | null;
  certificateDocumentId: string | null;
}

const decisionAppealable = (app: Guarded) =>
  app.certificateDocumentId
    ? { message: `${app.ref} has its certificate: there is no decision against the applicant to appeal` }
    : null;
const hasCertificate = (app: Guarded) => (app.certificateDocumentId ? null : { message: `${app.ref} has no certificate to withdraw` });

/**
 * Each action of the API, the states it may be taken from, where it leads, and who may take it.
 * The service further requires the user's unit to be the application's thana or above it
 * (the handling unit's chain), as for reading it, and for sign-off, the appeals and withdrawal
 * the level of unit that decides (`verification-deciders.ts`).
 */
export const VERIFICATION_WORKFLOW = new StateMachine({
  name: 'verification application',
  states: VERIFICATION_STATUSES,
  subject: (app: Guarded) => app.ref,
  actions: {
    reassign: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER', 'APPROVER'] },
    recordVisit: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER'] },
    checkRecords: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER'] },
    adjudicateHit: { from: ['UNDER_ENQUIRY'], to: 'UNDER_ENQUIRY', roles: ['VERIFIER'] },
    submitReport: { from: ['UNDER_ENQUIRY'], to: 'REPORTED', roles: ['VERIFIER'] },
    // The DSP (ACP) of the circle: an APPROVER whose unit is the thana's circle or above it.
    signOff: { from: ['REPORTED'], to: 'SIGNED_OFF', roles: ['APPROVER'] },
    sendBack: { from: ['REPORTED'], to: 'UNDER_ENQUIRY', roles: ['APPROVER'] },
    // The applicant's appeal, entered as applications are, by the intelligence branch.
    fileFirstAppeal: { from: ['SIGNED_OFF'], to: 'IN_FIRST_APPEAL', roles: ['VERIFIER'], guard: decisionAppealable },
    // The Addl. SP (ADCP): an APPROVER of the thana's zone or the commissionerate, not the one who signed it off.
    decideFirstAppeal: { from: ['IN_FIRST_APPEAL'], to: 'FIRST_APPEAL_DECIDED', roles: ['APPROVER'] },
    fileSecondAppeal: { from: ['FIRST_APPEAL_DECIDED'], to: 'IN_SECOND_APPEAL', roles: ['VERIFIER'], guard: decisionAppealable },
    // The SP (DCP): as for the first appeal, and not the one who decided it.
    decideSecondAppeal: { from: ['IN_SECOND_APPEAL'], to: 'SECOND_APPEAL_DECIDED', roles: ['APPROVER'] },
    // The certificate withdrawn (revoked on /verify), with the reason: an APPROVER of the circle or above.
    withdrawCertificate: {
      from: ['SIGNED_OFF', 'FIRST_APPEAL_DECIDED', 'SECOND_APPEAL_DECIDED'],
      to: 'CERTIFICATE_WITHDRAWN',
      roles: ['APPROVER'],
      guard: hasCertificate,
    },
  },
});
export type VerificationAction = (typeof VERIFICATION_WORKFLOW.actions)[number];

/** Open work: what counts in a verifier's load and in the queues. */
export const OPEN_STATUSES: readonly VerificationStatus[] = ['UNDER_ENQUIRY', 'REPORTED'];
