/**
 * Post layout for a generated bandobast, in the shape of Bhopal's Diwali 2019 order
 * (17 check-points, 124 fixed points, 93 patrol beats, 4 arrest parties of 50 for
 * ~5,500 personnel), plus one sector mobile per sector, scaled to the force size.
 */
import { BHOPAL_THANAS } from './bhopal-thanas';
import { SeededRandom } from './rng';
import { Rank } from './types';

export type PostKind =
  'check-point' | 'fixed-point' | 'patrol-beat' | 'arrest-party' | 'sector-mobile';

export interface TeamTemplate {
  ranks: Partial<Record<Rank, number>>;
  women: number;
  skills: Record<string, number>;
}

export interface PostPlan {
  id: string;
  sector: string;
  kind: PostKind;
  lat: number;
  lng: number;
  /** Sector anchor, so dealing can prefer officers who live near the sector. */
  sectorIndex: number;
  template: TeamTemplate;
}

export interface SectorPlan {
  id: string;
  lat: number;
  lng: number;
}

const DIWALI_2019_PERSONNEL = 5_500;

export function layoutPosts(
  random: SeededRandom,
  personnel: number,
): { sectors: SectorPlan[]; posts: PostPlan[] } {
  const scale = personnel / DIWALI_2019_PERSONNEL;
  const divisions = Math.min(4, Math.max(1, Math.round(4 * scale)));
  const sectorCount = Math.max(1, Math.round(12 * scale));
  const sectors: SectorPlan[] = [];
  const usedThanas = new Set<string>();
  for (let k = 0; k < sectorCount; k++) {
    const division = (k % divisions) + 1;
    const zoneThanas = BHOPAL_THANAS.filter(
      (thana) => thana.zone === division && !usedThanas.has(thana.unit),
    );
    const anchor = random.pick(zoneThanas.length > 0 ? zoneThanas : BHOPAL_THANAS);
    usedThanas.add(anchor.unit);
    sectors.push({
      id: `D${division}-S${Math.floor(k / divisions) + 1}`,
      lat: anchor.lat,
      lng: anchor.lng,
    });
  }
  const kinds: PostKind[] = [
    ...repeat('check-point', Math.max(1, Math.round(17 * scale))),
    ...repeat('fixed-point', Math.max(1, Math.round(124 * scale))),
    ...repeat('patrol-beat', Math.max(1, Math.round(93 * scale))),
    ...repeat('arrest-party', Math.round(4 * scale)),
  ];
  random.shuffle(kinds);
  const postsPerSector = sectors.map(() => 0);
  const posts: PostPlan[] = [];
  const place = (kind: PostKind, sectorIndex: number) => {
    const sector = sectors[sectorIndex];
    postsPerSector[sectorIndex]++;
    posts.push({
      id: `${sector.id}-P${postsPerSector[sectorIndex]}`,
      sector: sector.id,
      kind,
      // Posts spread ~2.5 km around the sector's anchor thana.
      lat: Math.round((sector.lat + (random.next() - 0.5) * 0.045) * 10_000) / 10_000,
      lng: Math.round((sector.lng + (random.next() - 0.5) * 0.048) * 10_000) / 10_000,
      sectorIndex,
      template: templateFor(random, kind),
    });
  };
  sectors.forEach((_, index) => place('sector-mobile', index));
  kinds.forEach((kind, index) => place(kind, index % sectors.length));
  return { sectors, posts };
}

function templateFor(random: SeededRandom, kind: PostKind): TeamTemplate {
  switch (kind) {
    case 'check-point': // naka: vehicle checking needs arms and a set
      return {
        ranks: { SI: 1, HEAD_CONSTABLE: 1, CONSTABLE: 5 },
        women: 1,
        skills: { armed: 2, wireless: 1 },
      };
    case 'fixed-point': {
      const roll = random.next();
      const lead: Rank = roll < 0.2 ? 'SI' : roll < 0.5 ? 'ASI' : 'HEAD_CONSTABLE';
      return {
        ranks: { [lead]: 1, CONSTABLE: 3 + random.below(4) },
        women: random.next() < 0.5 ? 1 : 0,
        skills: random.next() < 0.3 ? { armed: 1 } : {},
      };
    }
    case 'patrol-beat':
      return {
        ranks: { [random.next() < 0.5 ? 'ASI' : 'HEAD_CONSTABLE']: 1, CONSTABLE: 2 },
        women: 0,
        skills: random.next() < 0.5 ? { driver: 1, wireless: 1 } : { driver: 1 },
      };
    case 'arrest-party': // 50 strong, with women to arrest women and a camera for evidence
      return {
        ranks: { INSPECTOR: 1, SI: 2, ASI: 3, HEAD_CONSTABLE: 10, CONSTABLE: 34 },
        women: 6,
        skills: { armed: 10, videography: 1 },
      };
    case 'sector-mobile':
      return {
        ranks: { INSPECTOR: 1, HEAD_CONSTABLE: 1, CONSTABLE: 2 },
        women: 0,
        skills: { driver: 1, wireless: 1 },
      };
  }
}

function repeat(value: PostKind, times: number): PostKind[] {
  return Array.from({ length: times }, () => value);
}
