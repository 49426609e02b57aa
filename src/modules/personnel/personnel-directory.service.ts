import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { unitSubtreeSql } from '../../platform/units';

/** What other modules need to know about an officer: who, which unit, where they start from. */
export interface OfficerCard {
  id: string;
  beltNo: string;
  nameEn: string;
  nameHi: string;
  rank: string;
  gender: 'M' | 'F' | 'X';
  skills: string[];
  mobile: string | null;
  unitId: string;
  unitCode: string;
  unitNameEn: string;
  unitNameHi: string;
  /** The home thana's coordinates, else the posting unit's; null if neither is known. */
  lat: number | null;
  lng: number | null;
}

const CARD_SQL = `
  SELECT o.id, o.belt_no AS "beltNo", o.name_en AS "nameEn", o.name_hi AS "nameHi", o.rank, o.gender, o.skills,
         o.mobile, o.unit_id AS "unitId", u.code AS "unitCode", u.name_en AS "unitNameEn", u.name_hi AS "unitNameHi",
         coalesce(h.lat, u.lat) AS lat, coalesce(h.lng, u.lng) AS lng
    FROM officer o JOIN unit u ON u.id = o.unit_id LEFT JOIN unit h ON h.id = o.home_unit_id`;

/**
 * Read-only personnel look-ups for other modules (duty charts), so they never query the
 * officer table themselves.
 */
@Injectable()
export class PersonnelDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** Active officers posted anywhere in the unit's subtree: the force a bandobast may draw on. */
  pool(unitId: string, em: EntityManager = this.dataSource.manager): Promise<OfficerCard[]> {
    return em.query(
      `${CARD_SQL}
        WHERE o.is_active AND EXISTS (SELECT 1 FROM unit p WHERE p.id = $1 AND ${unitSubtreeSql('u.path', 'p.path')})
        ORDER BY o.belt_no`,
      [unitId],
    );
  }

  byIds(
    ids: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<OfficerCard[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.query(`${CARD_SQL} WHERE o.id = ANY($1::uuid[]) ORDER BY o.belt_no`, [ids]);
  }

  /** By belt number, compared without case or spaces, as people type them. */
  byBeltNos(
    beltNos: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<OfficerCard[]> {
    if (beltNos.length === 0) return Promise.resolve([]);
    return em.query(`${CARD_SQL} WHERE upper(o.belt_no) = ANY($1::text[])`, [
      beltNos.map((b) => b.toUpperCase().replace(/\s+/g, '')),
    ]);
  }

  async byUserId(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<OfficerCard | null> {
    const rows: OfficerCard[] = await em.query(`${CARD_SQL} WHERE o.user_id = $1`, [userId]);
    return rows[0] ?? null;
  }
}
