import { tableViolations } from '../../platform/workflow/testing';
import { VERIFICATION_WORKFLOW } from './verification-workflow';

describe('verification workflow table', () => {
  it('goes from enquiry to the report and the DSP’s sign-off, and back when sent back', () => {
    expect(VERIFICATION_WORKFLOW.targets('UNDER_ENQUIRY')).toEqual(['UNDER_ENQUIRY', 'REPORTED']);
    expect(VERIFICATION_WORKFLOW.targets('REPORTED')).toEqual(['SIGNED_OFF', 'UNDER_ENQUIRY']);
    expect(VERIFICATION_WORKFLOW.targets('SIGNED_OFF')).toEqual([]);
  });

  it('lets the verifier do the enquiry and only an APPROVER sign off or send back', () => {
    const app = { ref: 'CV/2026/000001' };
    expect(VERIFICATION_WORKFLOW.allowedActions('UNDER_ENQUIRY', ['VERIFIER'], app)).toEqual(['reassign', 'recordVisit', 'checkRecords', 'adjudicateHit', 'submitReport']);
    expect(VERIFICATION_WORKFLOW.allowedActions('UNDER_ENQUIRY', ['APPROVER'], app)).toEqual(['reassign']);
    expect(VERIFICATION_WORKFLOW.allowedActions('REPORTED', ['VERIFIER'], app)).toEqual([]);
    expect(VERIFICATION_WORKFLOW.allowedActions('REPORTED', ['APPROVER'], app)).toEqual(['signOff', 'sendBack']);
    expect(VERIFICATION_WORKFLOW.allowedActions('REPORTED', ['AUDITOR'], app)).toEqual([]);
  });

  it('holds to the one table over every state and role', () => {
    expect(tableViolations(VERIFICATION_WORKFLOW, [{ ref: 'CV/2026/000001' }])).toEqual([]);
  });
});
