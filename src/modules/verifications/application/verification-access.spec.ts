import { readableScope, readsApplicationsOf } from './verification-access';

describe('who reads a verification application', () => {
  const thana = 'BPL.ZONE_1.ACP_TT_NAGAR.TT_NAGAR';
  const as = (roles: string[], unitPath: string) => ({ roles: roles as never[], unitPath });

  it('the thana’s chain of verifiers and approvers, and any auditor', () => {
    for (const unitPath of [thana, 'BPL.ZONE_1.ACP_TT_NAGAR', 'BPL.ZONE_1', 'BPL']) {
      expect(readsApplicationsOf(as(['VERIFIER'], unitPath), thana)).toBe(true);
      expect(readsApplicationsOf(as(['APPROVER'], unitPath), thana)).toBe(true);
    }
    expect(readsApplicationsOf(as(['AUDITOR'], 'BPL.ZONE_2'), thana)).toBe(true);
  });

  it('nobody beside or below it, and no other role wherever it sits', () => {
    expect(readsApplicationsOf(as(['VERIFIER'], 'BPL.ZONE_1.ACP_TT_NAGAR.KAMLA_NAGAR'), thana)).toBe(false);
    expect(readsApplicationsOf(as(['APPROVER'], 'BPL.ZONE_2'), thana)).toBe(false);
    expect(readsApplicationsOf(as(['VERIFIER'], 'BPL.ZONE_1.ACP_TT_NAGAR.TT_NAGAR_2'), thana)).toBe(false);
    for (const role of ['ADMIN', 'CONTROL_ROOM', 'OFFICER', 'DUTY_OFFICER']) expect(readsApplicationsOf(as([role], 'BPL'), thana)).toBe(false);
    expect(readableScope(as(['ADMIN', 'CONTROL_ROOM'], 'BPL'), 'v.thana_unit_id').sql).toBe('FALSE');
    expect(readableScope(as(['AUDITOR'], 'BPL.ZONE_2'), 'v.thana_unit_id').sql).toBe('TRUE');
  });
});
