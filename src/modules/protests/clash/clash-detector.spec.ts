import { Reflector } from '@nestjs/core';
import type { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../../platform/context';
import { Clash, ClashQuery, ClashSource, ClashSourceProvider, ClashSubject, shownInFull, ShownClash } from './clash-source';
import { ClashDetector } from './clash-detector.service';

@ClashSourceProvider()
class CountingSource implements ClashSource {
  readonly name: string = 'counting';
  asked = 0;
  async find(_em: EntityManager, _q: ClashQuery): Promise<Clash[]> {
    this.asked++;
    return [];
  }
  async shownTo(_em: EntityManager, _viewer: unknown, clashes: readonly Clash[]): Promise<ShownClash[]> {
    return clashes.map(shownInFull);
  }
  shownExists(subject: ClashSubject, metres: string) {
    return { sql: `counting(${subject.id}, ${metres}, :countingParam)`, params: { countingParam: 1 } };
  }
}

@ClashSourceProvider()
class GreedySource extends CountingSource {
  override readonly name = 'greedy';
  override shownExists(subject: ClashSubject) {
    return { sql: `greedy(${subject.id}, :countingParam)`, params: { countingParam: 2 } };
  }
}

const detectorOf = (...sources: CountingSource[]) => {
  const discovery = { getProviders: () => sources.map((s) => ({ isNotMetatype: false, metatype: s.constructor, instance: s })) } as unknown as DiscoveryService;
  const detector = new ClashDetector(discovery, new Reflector(), { clashDistanceMetres: 500 } as never);
  detector.onModuleInit();
  return detector;
};
const subject: ClashSubject = { id: 'p.id', during: 'p.during', venueId: 'p.venue_id', geoPoints: 'p.geo_points', geoBox: 'p.geo_box' };
const viewer = { id: 'u', username: 'u', roles: ['CONTROL_ROOM'], unitId: 'x', unitPath: 'BPL' } as never;

describe("ClashDetector's condition for lists", () => {
  it('asks every source, with the clash distance as a parameter', () => {
    expect(detectorOf(new CountingSource()).shownExists(subject, viewer)).toEqual({
      sql: '((counting(p.id, CAST(:clashDistanceMetres AS double precision), :countingParam)))',
      params: { clashDistanceMetres: 500, countingParam: 1 },
    });
  });

  it('flags nothing when no source is in the app', () => {
    expect(detectorOf().shownExists(subject, viewer).sql).toBe('FALSE');
  });

  it('refuses two sources that give one parameter name two values', () => {
    expect(() => detectorOf(new CountingSource(), new GreedySource()).shownExists(subject, viewer)).toThrow('reuses the SQL parameter countingParam');
  });
});

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
