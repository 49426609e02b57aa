import { ConfigError, loadConfig } from './config';

function problemOf(value: string): string {
  try {
    loadConfig({ TRUST_PROXY: value });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const problems = (e as ConfigError).problems;
    expect(problems).toHaveLength(1);
    return problems[0]!;
  }
  throw new Error(`TRUST_PROXY=${value} was accepted`);
}

describe('TRUST_PROXY: a hop count or the proxies, never "trust all"', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
  });

  it.each(['true', 'TRUE', 'yes', 'on', 'all', '*'])('refuses %s, saying why and what to give instead', (value) => {
    const problem = problemOf(value);
    expect(problem).toMatch(new RegExp(`^TRUST_PROXY=${JSON.stringify(value).replace('*', '\\*')}: `));
    expect(problem).toMatch(/forge X-Forwarded-For/);
    expect(problem).toMatch(/TRUST_PROXY=1/);
  });

  it('takes a number of hops', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(problemOf('11')).toMatch(/at most 10 proxy hops/);
  });

  it('takes a list of addresses, CIDRs and the named ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,fd00::1,fd00:1::/64,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
      'fd00::1',
      'fd00:1::/64',
      'loopback',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal' }).TRUST_PROXY).toEqual(['uniquelocal']);
  });

  it.each([
    ['proxy.internal', /"proxy.internal" is not an IP address/],
    ['10.0.0.5,', /"" is not an IP address/],
    ['10.0.0.0/33', /"10.0.0.0\/33" has no valid prefix length/],
    ['10.0.0.0/x', /no valid prefix length/],
    ['0.0.0.0/0', /wider than \/8/],
    ['0.0.0.0/1,128.0.0.0/1', /wider than \/8/],
    ['::/0', /wider than \/7/],
  ])('refuses %s as a proxy list', (value, message) => {
    const problem = problemOf(value);
    expect(problem).toMatch(message);
    expect(problem).toMatch(/comma-separated/);
  });
});
