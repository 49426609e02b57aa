import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { hasAnyRole, NOTIFICATION_WATCHERS, PROTEST_READERS, VIP_READERS, type Role } from '../../lib/roles';
import { addDaysToKey, istDateKey } from '../../lib/time';

type Schemas = components['schemas'];
export type BoardEvent = Schemas['BoardEventView'];
export type Leg = Schemas['LegView'];
export type Unit = Schemas['UnitView'];
export type Restriction = Schemas['RestrictionOrderView'];
export type SlaItem = Schemas['ProtestSummaryView'];

/** A VIP leg on today's or tomorrow's IST date, with its programme. */
export interface VipMovement {
  programmeId: string;
  ref: string;
  title: string;
  leg: Leg;
}

/** VIP programmes are read one by one (each read is audited): at most this many a refresh. */
const MAX_PROGRAMMES = 20;

/** Today's and tomorrow's IST dates, and the instants they span: [start of today, start of the day after tomorrow). */
export function twoDays(now = new Date()): { today: string; tomorrow: string; from: Date; to: Date } {
  const today = istDateKey(now);
  const tomorrow = addDaysToKey(today, 1);
  const from = new Date(`${today}T00:00:00+05:30`);
  const to = new Date(`${addDaysToKey(today, 2)}T00:00:00+05:30`);
  return { today, tomorrow, from, to };
}

export function useBoard(roles: readonly Role[]) {
  return useQuery({
    queryKey: ['dashboard', 'board'],
    queryFn: () => unwrap(api.GET('/api/v1/protests/board')),
    enabled: hasAnyRole(roles, PROTEST_READERS),
    refetchInterval: 60_000,
  });
}

/** Applications still undecided this close to their start (PROTEST_SLA_HOURS), soonest first. */
export function useSlaFlags(roles: readonly Role[]) {
  return useQuery({
    queryKey: ['dashboard', 'sla'],
    queryFn: () => unwrap(api.GET('/api/v1/protests', { params: { query: { sla: true, from: new Date().toISOString(), limit: 50 } } })),
    enabled: hasAnyRole(roles, PROTEST_READERS),
    refetchInterval: 60_000,
  });
}

export function useUnsentMessages(roles: readonly Role[]) {
  return useQuery({
    queryKey: ['dashboard', 'unsent'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unsent')),
    enabled: hasAnyRole(roles, NOTIFICATION_WATCHERS),
    refetchInterval: 30_000,
  });
}

/** VIP legs of today and tomorrow, from the programmes this user may see (need-to-know holds on the API). */
export function useVipMovements(roles: readonly Role[]) {
  return useQuery({
    queryKey: ['dashboard', 'vip'],
    enabled: hasAnyRole(roles, VIP_READERS),
    // Every read of a programme is written to its access log: not more than every five minutes.
    refetchInterval: 300_000,
    refetchOnWindowFocus: false,
    staleTime: 240_000,
    queryFn: async (): Promise<VipMovement[]> => {
      const { today, tomorrow, from, to } = twoDays();
      const list = await unwrap(api.GET('/api/v1/vip-programmes'));
      const current = list.filter((p) => p.status === 'ISSUED' && p.firstDay <= tomorrow && p.lastDay >= today).slice(0, MAX_PROGRAMMES);
      const read = await Promise.all(current.map((p) => unwrap(api.GET('/api/v1/vip-programmes/{id}', { params: { path: { id: p.id } } }))));
      return read
        .flatMap((p) => p.revision.legs.map((leg) => ({ programmeId: p.id, ref: p.ref, title: p.title, leg })))
        .filter((m) => new Date(m.leg.start) < to && new Date(m.leg.end) > from)
        .sort((a, b) => a.leg.start.localeCompare(b.leg.start));
    },
  });
}

/** What the map draws besides the day's events: the site's tiles (if any), thanas and restriction orders. */
export function useMapBase(roles: readonly Role[]) {
  const settings = useQuery({
    queryKey: ['web-app', 'settings'],
    queryFn: () => unwrap(api.GET('/api/v1/web-app/settings')),
    staleTime: Infinity,
  });
  const units = useQuery({
    queryKey: ['units'],
    queryFn: () => unwrap(api.GET('/api/v1/units')),
    staleTime: 600_000,
  });
  const restrictions = useQuery({
    queryKey: ['dashboard', 'restrictions'],
    queryFn: () => unwrap(api.GET('/api/v1/protests/restriction-orders')),
    enabled: hasAnyRole(roles, PROTEST_READERS),
    staleTime: 300_000,
  });
  return { settings, units, restrictions };
}
