import { EntityManager } from 'typeorm';
import { PersonnelDirectory } from '../../personnel';
import {
  BandobastDivision,
  BandobastPost,
  BandobastSector,
  BandobastShift,
} from './structure.entity';

export interface InChargeView {
  id: string;
  beltNo: string;
  rank: string;
  nameEn: string;
  nameHi: string;
  mobile: string | null;
}

export interface SectorNode extends BandobastSector {
  inCharge: InChargeView | null;
  posts: Array<BandobastPost & { shifts: BandobastShift[] }>;
}

export interface DivisionNode extends BandobastDivision {
  inCharge: InChargeView | null;
  sectors: SectorNode[];
}

export interface StructureTree {
  divisions: DivisionNode[];
}

/** The whole event as one tree, in the order it was written, with in-charges resolved. */
export async function loadStructure(
  em: EntityManager,
  directory: PersonnelDirectory,
  bandobastId: string,
): Promise<StructureTree> {
  const where = { where: { bandobastId } };
  const [divisions, sectors, posts, shifts] = await Promise.all([
    em.find(BandobastDivision, { ...where, order: { position: 'ASC' } }),
    em.find(BandobastSector, { ...where, order: { position: 'ASC' } }),
    em.find(BandobastPost, { ...where, order: { position: 'ASC' } }),
    em.find(BandobastShift, { ...where, order: { startsAt: 'ASC', code: 'ASC' } }),
  ]);
  const inChargeIds = [...divisions, ...sectors]
    .map((x) => x.inChargeOfficerId)
    .filter((x): x is string => !!x);
  const cards = new Map(
    (await directory.byIds([...new Set(inChargeIds)], em)).map((c) => [c.id, c]),
  );
  const inCharge = (id: string | null): InChargeView | null => {
    const c = id ? cards.get(id) : undefined;
    return c
      ? {
          id: c.id,
          beltNo: c.beltNo,
          rank: c.rank,
          nameEn: c.nameEn,
          nameHi: c.nameHi,
          mobile: c.mobile,
        }
      : null;
  };
  const shiftsByPost = groupBy(shifts, (s) => s.postId);
  const postsBySector = groupBy(posts, (p) => p.sectorId);
  const sectorsByDivision = groupBy(sectors, (s) => s.divisionId);
  return {
    divisions: divisions.map((d) => ({
      ...d,
      inCharge: inCharge(d.inChargeOfficerId),
      sectors: (sectorsByDivision.get(d.id) ?? []).map((s) => ({
        ...s,
        inCharge: inCharge(s.inChargeOfficerId),
        posts: (postsBySector.get(s.id) ?? []).map((p) => ({
          ...p,
          shifts: shiftsByPost.get(p.id) ?? [],
        })),
      })),
    })),
  };
}

export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
