import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { submitQueued } from '../../offline';
import { QUEUED_VIP_ACK } from './queued';
export { useThanas } from '../../api/units';

type Schemas = components['schemas'];
export type Programme = Schemas['ProgrammeReadView'];
export type ProgrammeItem = Schemas['ProgrammeListItemView'];
export type Leg = Schemas['LegView'];
export type LegChange = Schemas['LegChangeView'];
export type Acknowledgement = Schemas['AcknowledgementView'];
export type Protectee = Schemas['ProtecteeView'];
export type LegInput = Schemas['LegDto'];
export type CreateProgramme = Schemas['CreateProgrammeDto'];
export type ReviseProgramme = Schemas['ReviseProgrammeDto'];
export type RevisionCheck = Schemas['RevisionCheckView'];
export type AccessLogEntry = Schemas['AccessLogEntryView'];
export type LegMode = LegInput['mode'];
export type LegActivity = LegInput['activity'];
export type UnitRef = Schemas['UnitRefView'];
export type SecurityCategory = Schemas['CreateProtecteeDto']['category'];

// The API's enums, in the order the editor offers them (the compiler holds them to the schema).
export const LEG_MODES = ['ROAD_CONVOY', 'HELICOPTER', 'AIRCRAFT'] as const satisfies readonly LegMode[];
export const LEG_ACTIVITIES = ['TRANSIT', 'PUBLIC_MEETING', 'INAUGURATION', 'ROAD_SHOW', 'MEETING', 'NIGHT_HALT', 'OTHER'] as const satisfies readonly LegActivity[];
export const SECURITY_CATEGORIES = ['Z+', 'Z', 'Y+', 'Y', 'X'] as const satisfies readonly SecurityCategory[];
export const AIR_MODES: readonly LegMode[] = ['AIRCRAFT', 'HELICOPTER'];

const KEY = ['vip'] as const;

/**
 * Every read of a programme is written to its access log: the screens read it when opened and
 * when the user asks again, not whenever the window takes focus.
 */
const AUDITED_READ = { staleTime: 60_000, refetchOnWindowFocus: false } as const;

/** The programmes this user is concerned with (the API decides: a unit sees only those that concern it). */
export function useProgrammes() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => unwrap(api.GET('/api/v1/vip-programmes')), ...AUDITED_READ });
}

/** One programme (its current revision, or the one asked for), as this user may see it. */
export function useProgramme(id: string, revision?: number) {
  return useQuery({
    queryKey: [...KEY, 'one', id, revision ?? 'current'],
    queryFn: () =>
      revision
        ? unwrap(api.GET('/api/v1/vip-programmes/{id}/revisions/{revision}', { params: { path: { id, revision } } }))
        : unwrap(api.GET('/api/v1/vip-programmes/{id}', { params: { path: { id } } })),
    ...AUDITED_READ,
  });
}

export function useProtectees(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'protectees'], queryFn: () => unwrap(api.GET('/api/v1/protectees')), enabled, staleTime: 300_000 });
}

/** Adds a person to the ranked VIP list; the editor then picks them. */
export function useCreateProtectee() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateProtecteeDto']) => unwrap(api.POST('/api/v1/protectees', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'protectees'] }),
  });
}


export function useMapSettings() {
  return useQuery({ queryKey: ['web-app', 'settings'], queryFn: () => unwrap(api.GET('/api/v1/web-app/settings')), staleTime: Infinity });
}

export function useAccessLog(id: string) {
  return useQuery({ queryKey: [...KEY, 'access-log', id], queryFn: () => unwrap(api.GET('/api/v1/vip-programmes/{id}/access-log', { params: { path: { id } } })) });
}

/** Whatever changed a programme: its record (every revision of it) and the list are read again. */
function useSettle() {
  const client = useQueryClient();
  return (p: Programme) => {
    client.setQueryData([...KEY, 'one', p.id, 'current'], p);
    void client.invalidateQueries({ queryKey: [...KEY, 'one', p.id], predicate: (q) => q.queryKey[3] !== 'current' });
    void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
  };
}

/** Issues revision 1 to the units concerned. */
export function useIssue() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: CreateProgramme) => unwrap(api.POST('/api/v1/vip-programmes', { body })), onSuccess: settle });
}

/** What a revision would send (the diff against the current revision), before it is sent. */
export function useCheckRevision(id: string) {
  return useMutation({ mutationFn: (body: ReviseProgramme) => unwrap(api.POST('/api/v1/vip-programmes/{id}/revisions/check', { params: { path: { id } }, body })) });
}

export function useRevise(id: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: ReviseProgramme) => unwrap(api.POST('/api/v1/vip-programmes/{id}/revisions', { params: { path: { id } }, body })), onSuccess: settle });
}

/**
 * A thana acknowledges a revision through the device's outbox (issue 17): at once when the
 * server answers, else kept on the device and sent when it does (`outcome: 'queued'`).
 */
export function useAcknowledge(p: { id: string; ref: string }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (revision: number) => {
      const submitted = await submitQueued(QUEUED_VIP_ACK, { draft: null, body: { programmeId: p.id, ref: p.ref, revision } }, []);
      if (submitted.outcome === 'refused') throw submitted.error;
      return submitted;
    },
    onSuccess: (submitted) => {
      if (submitted.outcome === 'sent') void client.invalidateQueries({ queryKey: [...KEY, 'one', p.id] });
    },
  });
}

/** Sends the revision again to the units that have not acknowledged it. */
export function useResend(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (revision: number) => unwrap(api.POST('/api/v1/vip-programmes/{id}/revisions/{revision}/resend', { params: { path: { id, revision } } })),
    onSuccess: settle,
  });
}

/** The programme's PDF (the desk) or the unit's movement sheet, fetched with the session. */
export async function programmePdf(id: string, revision: number): Promise<Blob> {
  return unwrap(api.GET('/api/v1/vip-programmes/{id}/revisions/{revision}/pdf', { params: { path: { id, revision } }, parseAs: 'blob' })) as Promise<Blob>;
}
