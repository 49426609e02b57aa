import type { ExecutionContext } from '@nestjs/common';
import { linkTracker, ThrottlePerLink, throttlerOptions, THROTTLERS } from './throttles';

class SlipPages {
  @ThrottlePerLink('token')
  page(): void {}

  list(): void {}
}

const contextOf = (handler: keyof SlipPages): ExecutionContext =>
  ({ getHandler: () => SlipPages.prototype[handler], getClass: () => SlipPages }) as unknown as ExecutionContext;

describe('throttlers', () => {
  const options = throttlerOptions({ perAddress: 600, perLink: 10, linksPerAddress: 2000 });
  const throttlers = 'throttlers' in options ? options.throttlers : options;
  const named = (name: string) => throttlers.find((x) => x.name === name)!;

  it('counts a route marked @ThrottlePerLink per link and per address across links', () => {
    const page = contextOf('page');
    expect(named(THROTTLERS.perLink).skipIf!(page)).toBe(false);
    expect(named(THROTTLERS.linksPerAddress).skipIf!(page)).toBe(false);
  });

  it('leaves every other route to the per-address limit alone', () => {
    const list = contextOf('list');
    expect(named(THROTTLERS.perLink).skipIf!(list)).toBe(true);
    expect(named(THROTTLERS.linksPerAddress).skipIf!(list)).toBe(true);
    expect(named(THROTTLERS.perAddress)).toMatchObject({ limit: 600, ttl: 60_000 });
  });

  it('tracks a link by its token, so its page and PDF share one count, keyed without the token itself', () => {
    const token = 'A'.repeat(48);
    expect(linkTracker({ params: { token } }, contextOf('page'))).toBe(token);
    expect(linkTracker({ params: { token: 'x'.repeat(500) } }, contextOf('page'))).toHaveLength(100);
    const key = named(THROTTLERS.perLink).generateKey!;
    expect(key(contextOf('page'), token, THROTTLERS.perLink)).toBe(key(contextOf('list'), token, THROTTLERS.perLink));
    expect(key(contextOf('page'), token, THROTTLERS.perLink)).not.toContain(token);
    expect(key(contextOf('page'), token, THROTTLERS.perLink)).not.toBe(key(contextOf('page'), 'B'.repeat(48), THROTTLERS.perLink));
  });
});
