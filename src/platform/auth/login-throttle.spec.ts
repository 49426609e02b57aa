import { loginDelaySeconds } from './login-throttle';

describe('loginDelaySeconds', () => {
  it('imposes nothing before LOGIN_MAX_FAILURES, then doubles from one second', () => {
    expect([1, 2, 3, 4].map((f) => loginDelaySeconds(f, 5, 15))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((f) => loginDelaySeconds(f, 5, 15))).toEqual([1, 2, 4, 8, 16]);
  });

  it('never waits longer than LOGIN_LOCK_MINUTES, however many failures', () => {
    expect(loginDelaySeconds(15, 5, 15)).toBe(900);
    expect(loginDelaySeconds(10_000, 5, 15)).toBe(900);
    expect(loginDelaySeconds(10_000, 1, 1440)).toBe(86_400);
  });
});
