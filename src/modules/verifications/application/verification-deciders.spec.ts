import { mayDecideAppeal, mayDecideAtCircle } from './verification-deciders';

describe('who decides a verification and its appeals', () => {
  const thana = { path: 'BPL.ZONE_1.ACP_TT_NAGAR.TT_NAGAR' };
  const app = { ref: 'CV/2026/000001', signedOffBy: 'dsp' };
  const zone = { kind: 'ZONE' as const, path: 'BPL.ZONE_1' };

  it('signs off and withdraws at the circle or above, never at the thana', () => {
    expect(() => mayDecideAtCircle({ unitPath: 'BPL.ZONE_1.ACP_TT_NAGAR' }, thana, 'x')).not.toThrow();
    expect(() => mayDecideAtCircle({ unitPath: thana.path }, thana, 'x')).toThrow(/circle's DSP/);
  });

  it('decides an appeal at the thana’s zone or the commissionerate, not at the circle or another zone', () => {
    expect(() => mayDecideAppeal({ id: 'adcp' }, zone, thana, app, 'FIRST', null)).not.toThrow();
    expect(() => mayDecideAppeal({ id: 'cp' }, { kind: 'COMMISSIONERATE', path: 'BPL' }, thana, app, 'FIRST', null)).not.toThrow();
    expect(() => mayDecideAppeal({ id: 'acp' }, { kind: 'DIVISION', path: 'BPL.ZONE_1.ACP_TT_NAGAR' }, thana, app, 'FIRST', null)).toThrow(/Addl. SP/);
    expect(() => mayDecideAppeal({ id: 'dcp2' }, { kind: 'ZONE', path: 'BPL.ZONE_2' }, thana, app, 'SECOND', null)).toThrow(/the SP/);
  });

  it('keeps the deciders apart: not the one who signed it off, nor for the second the one who decided the first', () => {
    expect(() => mayDecideAppeal({ id: 'dsp' }, zone, thana, app, 'FIRST', null)).toThrow(/signed/);
    expect(() => mayDecideAppeal({ id: 'adcp' }, zone, thana, app, 'SECOND', { decidedBy: 'adcp' })).toThrow(/first appeal/);
    expect(() => mayDecideAppeal({ id: 'dcp' }, zone, thana, app, 'SECOND', { decidedBy: 'adcp' })).not.toThrow();
  });
});
