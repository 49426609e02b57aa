import { useQuery } from '@tanstack/react-query';
import { cachedRead } from '../offline/cached-read';
import { api, unwrap } from './client';

/** The unit tree (GET /units), one query for every screen, kept on the device for offline forms. */
export const UNITS_KEY = ['units'] as const;
const fetchUnits = cachedRead('units', () => unwrap(api.GET('/api/v1/units')));

export function useUnits() {
  return useQuery({ queryKey: UNITS_KEY, queryFn: fetchUnits, staleTime: 600_000 });
}

/** The active thanas of the tree. */
export function useThanas() {
  return useQuery({ queryKey: UNITS_KEY, queryFn: fetchUnits, staleTime: 600_000, select: (units) => units.filter((u) => u.kind === 'THANA' && u.isActive) });
}
