import { isTransientFailure } from './transient-failure';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('which failures to diarise a message are the moment\'s, not the message\'s', () => {
  it('counts a lost connection, a server shutting down, a deadlock and exhausted resources as the moment\'s', () => {
    for (const code of ['08006', '57P01', '40P01', '40001', '53300', 'ECONNREFUSED', 'ECONNRESET']) expect(isTransientFailure(withCode(code))).toBe(true);
    expect(isTransientFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('looks through TypeORM\'s wrapper to the driver\'s error', () => {
    expect(isTransientFailure(Object.assign(new Error('query failed'), { driverError: withCode('57P01') }))).toBe(true);
    expect(isTransientFailure(new Error('outer', { cause: withCode('08001') }))).toBe(true);
  });

  it('counts a refused row (a constraint, bad data) and plain errors as the message\'s', () => {
    for (const code of ['23505', '23514', '22001', '22P02']) expect(isTransientFailure(withCode(code))).toBe(false);
    expect(isTransientFailure(new Error('cannot read'))).toBe(false);
    expect(isTransientFailure(undefined)).toBe(false);
  });
});
