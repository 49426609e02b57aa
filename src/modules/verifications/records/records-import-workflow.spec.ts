import { tableViolations } from '../../../platform/workflow/testing';
import { effectiveState, RECORDS_IMPORT_WORKFLOW } from './records-import-workflow';

describe('the records-index import workflow', () => {
  const own = { imp: { previewedBy: 'a', fileName: 'index.csv', goodRows: 3 }, actorId: 'a' };
  const others = { ...own, actorId: 'b' };
  const empty = { imp: { ...own.imp, goodRows: 0 }, actorId: 'a' };

  it('refuses every move its table does not allow, in the one refusal shape', () => {
    expect(tableViolations(RECORDS_IMPORT_WORKFLOW, [own, others, empty])).toEqual([]);
  });

  it("lets only the admin who previewed a file confirm or discard it, and confirm it only with rows to enter", () => {
    expect(RECORDS_IMPORT_WORKFLOW.allowedActions('PREVIEWED', ['ADMIN'], own)).toEqual(['confirm', 'discard']);
    expect(RECORDS_IMPORT_WORKFLOW.allowedActions('PREVIEWED', ['ADMIN'], others)).toEqual([]);
    expect(RECORDS_IMPORT_WORKFLOW.allowedActions('PREVIEWED', ['ADMIN'], empty)).toEqual(['discard']);
    expect(RECORDS_IMPORT_WORKFLOW.allowedActions('APPLIED', ['ADMIN'], own)).toEqual([]);
  });

  it('reads a preview past its time as expired', () => {
    const expiresAt = new Date('2026-12-01T07:00:00Z');
    expect(effectiveState({ status: 'PREVIEWED', expiresAt }, new Date('2026-12-01T06:59:59.999Z'))).toBe('PREVIEWED');
    expect(effectiveState({ status: 'PREVIEWED', expiresAt }, expiresAt)).toBe('EXPIRED');
    expect(effectiveState({ status: 'APPLIED', expiresAt }, new Date('2027-01-01T00:00:00Z'))).toBe('APPLIED');
  });
});
