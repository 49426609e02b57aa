import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/context';
import { SqlCondition, unitScope } from '../../../platform/units';
import { ProtestApplication } from '../entities/protest-application.entity';
import { EVENT_TYPES, EventType } from '../event-types';
import { PROTEST_READERS } from '../protest-roles';
import { Clash, ClashQuery, ClashSource, ClashSourceProvider, ClashSubject, ShownClash, shownInFull } from './clash-source';
import { OTHER_APP, PROTEST_CLASH_SQL, protestClashExists } from './protest-clash.sql';

interface Row {
  id: string;
  ref: string;
  status: string;
  event_type: EventType;
  organisation: string | null;
  starts_at: Date;
  ends_at: Date;
  venue_name: string | null;
  route_from: string | null;
  route_to: string | null;
  same_venue: boolean;
  metres: number;
}

/** Other protest applications, approved or still pending, as a clash source. */
@ClashSourceProvider()
@Injectable()
export class ProtestClashSource implements ClashSource {
  readonly name = 'protest';

  async find(em: EntityManager, q: ClashQuery): Promise<Clash[]> {
    const rows: Row[] = await em.query(PROTEST_CLASH_SQL, [
      q.startsAt.toISOString(),
      q.endsAt.toISOString(),
      q.venueId,
      JSON.stringify(q.points),
      q.excludeId ?? null,
      q.distanceMetres,
    ]);
    return rows.map((r) => ({
      source: this.name,
      kind: r.same_venue ? 'SAME_VENUE' : 'NEARBY',
      id: r.id,
      ref: r.ref,
      title: title(r),
      status: r.status,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      distanceMetres: r.same_venue ? 0 : Math.round(Number(r.metres)),
    }));
  }

  /**
   * Only applications the viewer may open (their unit's subtree, as the record itself): another
   * thana's protest is not shown to a thana user, not even as "something".
   */
  async shownTo(em: EntityManager, viewer: Actor, clashes: readonly Clash[]): Promise<ShownClash[]> {
    const seen = visibleTo(viewer, 'p');
    const visible = await em
      .getRepository(ProtestApplication)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.id = ANY(CAST(:ids AS uuid[]))', { ids: [...new Set(clashes.map((c) => c.id))] })
      .andWhere(seen.sql, seen.params)
      .getRawMany<{ id: string }>();
    const ids = new Set(visible.map((v) => v.id));
    return clashes.filter((c) => ids.has(c.id)).map(shownInFull);
  }

  /** `find`'s test against every row of a list, with `shownTo`'s visibility. */
  shownExists(subject: ClashSubject, metres: string, viewer: Actor): SqlCondition {
    const seen = visibleTo(viewer, OTHER_APP);
    return { sql: protestClashExists(subject, metres, seen.sql), params: seen.params };
  }
}

/** The applications (alias `alias`) `viewer` may open: a protest reader's unit subtree. */
function visibleTo(viewer: Actor, alias: string): SqlCondition {
  if (!viewer.roles.some((r) => PROTEST_READERS.includes(r))) return { sql: 'FALSE', params: {} };
  return unitScope(viewer, `${alias}.thana_unit_id`, 'protestClashScope');
}

function title(r: Row): string {
  const place = r.venue_name ?? `${r.route_from} → ${r.route_to}`;
  return `${EVENT_TYPES[r.event_type].en}, ${place}${r.organisation ? ` (${r.organisation})` : ''}`;
}
