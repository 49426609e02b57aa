import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('grows exponentially with the attempt number', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(1, mid)).toBe(1500);
    expect(retryDelayMs(2, mid)).toBe(3000);
    expect(retryDelayMs(5, mid)).toBe(24000);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(retryDelayMs(100, () => 1)).toBe(15 * 60_000);
  });

  it('spreads retries between half and all of the ceiling', () => {
    expect(retryDelayMs(3, () => 0)).toBe(4000);
    expect(retryDelayMs(3, () => 1)).toBe(8000);
  });
});
