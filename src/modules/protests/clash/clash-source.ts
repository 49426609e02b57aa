import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/context';
import type { GeoPoint } from '../../../platform/geo';
import type { SqlCondition } from '../../../platform/units';

export const CLASH_KINDS = ['SAME_VENUE', 'NEARBY'] as const;
export type ClashKind = (typeof CLASH_KINDS)[number];

/** Where and when a proposed event takes place. */
export interface ClashQuery {
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** The registered venue, if any: anything else booked there clashes whatever the distance. */
  readonly venueId: string | null;
  /** The venue point, or the route sampled every 100 m (see geo.ts densify). */
  readonly points: readonly GeoPoint[];
  /** Things closer than this to any of the points clash. */
  readonly distanceMetres: number;
  /** The record being checked, so that it does not clash with itself. */
  readonly excludeId?: string;
}

export interface Clash {
  /** Which source found it, e.g. `protest`, `vip-programme`. */
  readonly source: string;
  readonly kind: ClashKind;
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly status: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** Closest approach between the two places, metres (0 at the same venue). */
  readonly distanceMetres: number;
}

/**
 * A clash as one viewer may see it. A source shows a viewer only the clashes with records that
 * viewer may open; for others it may say only that something restricts the place in that hour
 * (`detailsWithheld`: no id, reference, status or distance, and the hour, not the minutes).
 */
export interface ShownClash extends Omit<Clash, 'id' | 'ref' | 'status' | 'distanceMetres'> {
  readonly id: string | null;
  readonly ref: string | null;
  readonly status: string | null;
  readonly distanceMetres: number | null;
  readonly detailsWithheld: boolean;
}

/**
 * The record a list asks about, as SQL expressions over its row (for the protest list: the
 * application `p`): what `ClashQuery` is for one record, for every row of a list at once.
 */
export interface ClashSubject {
  /** The record's id, so that it does not clash with itself. */
  readonly id: string;
  /** A tstzrange, half-open like `[startsAt, endsAt)`. */
  readonly during: string;
  /** The registered venue's id, or NULL. */
  readonly venueId: string;
  /** A jsonb array of {lat, lng}: the venue point or the densified route, as `points`. */
  readonly geoPoints: string;
  /** `geo_bbox(geoPoints)`, stored beside them for the index. */
  readonly geoBox: string;
}

/** A clash shown in full. */
export const shownInFull = (c: Clash): ShownClash => ({ ...c, detailsWithheld: false });

/**
 * Anything that can stand in a protest's way: other protests, VIP programmes. Each source
 * answers with one query, never a loop over its events.
 *
 * To add one without changing this module, provide a class marked with the decorator in your
 * own module; the detector finds every marked provider at boot (as the queue finds job handlers):
 *
 *   @ClashSourceProvider()
 *   @Injectable()
 *   export class VipClashSource implements ClashSource { readonly name = 'vip-programme'; … }
 *
 * Sources run in the caller's transaction when there is one. Each also decides what of its
 * clashes a viewer may see (`shownTo`), with the same rules as its own records' reads: a clash
 * must not tell anyone what the record itself would answer 404 for.
 */
export interface ClashSource {
  readonly name: string;
  find(em: EntityManager, query: ClashQuery): Promise<Clash[]>;
  /** Of these clashes (found by this source, maybe long ago), what `viewer` may see. */
  shownTo(em: EntityManager, viewer: Actor, clashes: readonly Clash[]): Promise<ShownClash[]>;
  /**
   * The SQL twin of `shownTo(viewer, find(subject)).length > 0`, for a list's clash flag and
   * filter: true for a row when this source would show `viewer` at least one clash with it.
   * Written from the same predicate as `find` and the same visibility as `shownTo`, so the list
   * and the record agree (test/protests-clash-filter.e2e-spec.ts holds them together).
   * `metres` is the SQL expression of the clash distance. Named parameters start with the
   * source's name (camel-cased), so that two sources' parameters cannot collide.
   */
  shownExists(subject: ClashSubject, metres: string, viewer: Actor): SqlCondition;
}

export const CLASH_SOURCE = 'police-ops:clash-source';

/** Marks a provider as a clash source, found by ClashDetector at boot. */
export const ClashSourceProvider = (): ClassDecorator => SetMetadata(CLASH_SOURCE, true);
