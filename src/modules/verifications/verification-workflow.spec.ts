import { tableViolations } from '../../platform/workflow/testing';
import { VERIFICATION_WORKFLOW } from './verification-workflow';

describe('verification workflow table', () => {
  it('goes from enquiry to the report and the DSP’s sign-off, and back when sent back', () => {
    expect(VERIFICATION_WORKFLOW.targets('UNDER_ENQUIRY')).toEqual(['UNDER_ENQUIRY', 'REPORTED']);
    expect(VERIFICATION_WORKFLOW.targets('REPORTED')).toEqual(['SIGNED_OFF', 'UNDER_ENQUIRY']);
    expect(VERIFICATION_WORKFLOW.targets('SIGNED_OFF')).toEqual(['IN_FIRST_APPEAL', 'CERTIFICATE_WITHDRAWN']);
    expect(VERIFICATION_WORKFLOW.targets('IN_FIRST_APPEAL')).toEqual(['FIRST_APPEAL_DECIDED']);
    expect(VERIFICATION_WORKFLOW.targets('FIRST_APPEAL_DECIDED')).toEqual(['IN_SECOND_APPEAL', 'CERTIFICATE_WITHDRAWN']);
    expect(VERIFICATION_WORKFLOW.targets('IN_SECOND_APPEAL')).toEqual(['SECOND_APPEAL_DECIDED']);
    expect(VERIFICATION_WORKFLOW.targets('CERTIFICATE_WITHDRAWN')).toEqual([]);
  });

  it('appeals a decision against the applicant only, and withdraws only a certificate that exists', () => {
    const adverse = { ref: 'CV/2026/000002', outcome: 'ADVERSE', certificateDocumentId: null };
    const clear = { ref: 'CV/2026/000003', outcome: 'CLEAR', certificateDocumentId: 'doc' };
    expect(VERIFICATION_WORKFLOW.allowedActions('SIGNED_OFF', ['VERIFIER'], adverse)).toEqual(['fileFirstAppeal']);
    expect(VERIFICATION_WORKFLOW.allowedActions('SIGNED_OFF', ['VERIFIER'], clear)).toEqual([]);
    expect(VERIFICATION_WORKFLOW.allowedActions('SIGNED_OFF', ['APPROVER'], adverse)).toEqual([]);
    expect(VERIFICATION_WORKFLOW.allowedActions('SIGNED_OFF', ['APPROVER'], clear)).toEqual(['withdrawCertificate']);
    expect(VERIFICATION_WORKFLOW.allowedActions('IN_FIRST_APPEAL', ['APPROVER'], adverse)).toEqual(['decideFirstAppeal']);
    // A first appeal that overturned the decision issued the certificate: nothing left to appeal.
    expect(VERIFICATION_WORKFLOW.allowedActions('FIRST_APPEAL_DECIDED', ['VERIFIER'], { ...adverse, certificateDocumentId: 'doc' })).toEqual([]);
    expect(VERIFICATION_WORKFLOW.allowedActions('FIRST_APPEAL_DECIDED', ['VERIFIER'], adverse)).toEqual(['fileSecondAppeal']);
  });

  it('lets the verifier do the enquiry and only an APPROVER sign off or send back', () => {
    const app = { ref: 'CV/2026/000001', outcome: null, certificateDocumentId: null };
    expect(VERIFICATION_WORKFLOW.allowedActions('UNDER_ENQUIRY', ['VERIFIER'], app)).toEqual(['reassign', 'recordVisit', 'checkRecords', 'adjudicateHit', 'submitReport']);
    expect(VERIFICATION_WORKFLOW.allowedActions('UNDER_ENQUIRY', ['APPROVER'], app)).toEqual(['reassign']);
    expect(VERIFICATION_WORKFLOW.allowedActions('REPORTED', ['VERIFIER'], app)).toEqual([]);
    expect(VERIFICATION_WORKFLOW.allowedActions('REPORTED', ['APPROVER'], app)).toEqual(['signOff', 'sendBack']);
    expect(VERIFICATION_WORKFLOW.allowedActions('REPORTED', ['AUDITOR'], app)).toEqual([]);
  });

  it('holds to the one table over every state and role', () => {
    expect(tableViolations(VERIFICATION_WORKFLOW, [{ ref: 'CV/2026/000001', outcome: 'ADVERSE', certificateDocumentId: null }, { ref: 'CV/2026/000002', outcome: 'CLEAR', certificateDocumentId: 'doc' }])).toEqual([]);
  });
});
