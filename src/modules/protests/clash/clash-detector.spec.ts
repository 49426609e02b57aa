import { Reflector } from '@nestjs/core';
import type { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../../platform/context';
import { Clash, ClashQuery, ClashSource, ClashSourceProvider, shownInFull, ShownClash } from './clash-source';
import { ClashDetector } from './clash-detector.service';

@ClashSourceProvider()
class CountingSource implements ClashSource {
  readonly name = 'counting';
  asked = 0;
  async find(_em: EntityManager, _q: ClashQuery): Promise<Clash[]> {
    this.asked++;
    return [];
  }
  async shownTo(_em: EntityManager, _viewer: unknown, clashes: readonly Clash[]): Promise<ShownClash[]> {
    return clashes.map(shownInFull);
  }
}

describe('ClashDetector and a client that went away', () => {
  const source = new CountingSource();
  const discovery = { getProviders: () => [{ isNotMetatype: false, metatype: CountingSource, instance: source }] } as unknown as DiscoveryService;
  const detector = new ClashDetector(discovery, new Reflector(), { clashDistanceMetres: 500 } as never);
  detector.onModuleInit();
  const query = { startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000), venueId: null, points: [{ lat: 23.2335, lng: 77.4005 }] };
  const em = {} as EntityManager;

  beforeEach(() => (source.asked = 0));

  it('asks every source while the client waits', async () => {
    await RequestContext.run({ signal: new AbortController().signal }, () => detector.find(em, query));
    expect(source.asked).toBe(1);
  });

  it('starts no further query once the client has gone', async () => {
    const gone = new AbortController();
    gone.abort(new Error('the client went away'));
    await expect(RequestContext.run({ signal: gone.signal }, () => detector.find(em, query))).rejects.toThrow('the client went away');
    expect(source.asked).toBe(0);
  });
});
