import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { importSheet } from '../../lib/sheet-import';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
export { useUnits } from '../../api/units';

type Schemas = components['schemas'];
export type Officer = Schemas['OfficerView'];
export type Rank = Officer['rank'];
export type ImportReport = Schemas['ImportReportView'];
export type Availability = Schemas['AvailabilityView'];
export type AvailabilityKind = Availability['kind'];
export type Bandobast = Schemas['BandobastView'];
export type BandobastKind = Bandobast['kind'];
export type BandobastTree = Schemas['BandobastTreeView'];
export type CreateBandobast = Schemas['CreateBandobastDto'];
export type PostKind = Schemas['PostDto']['kind'];
export type Shift = Schemas['ShiftView'];
export type DutyChart = Schemas['DutyChartView'];
export type ChartStatus = DutyChart['status'];
export type ChartSummary = Schemas['ChartSummaryView'];
export type ChartProgress = Schemas['ChartProgressView'];
export type Shortfall = Schemas['ChartShortfallView'];
export type AssignmentRow = Schemas['AssignmentRowView'];
export type Paper = Schemas['ChartPaperView'];
export type NotNotified = Schemas['NotNotifiedOfficerView'];
export type OfficerQuery = NonNullable<paths['/api/v1/officers']['get']['parameters']['query']>;

// The API's enums, in the order the forms offer them (the compiler holds them to the schema).
/** The ranks a bandobast staffs, lowest first: a shift's requirement is typed in this order. */
export const DUTY_RANKS = [
  'CONSTABLE',
  'HEAD_CONSTABLE',
  'ASI',
  'SI',
  'INSPECTOR',
  'DSP',
] as const satisfies readonly Rank[];
export const ALL_RANKS = [
  'DGP',
  'ADG',
  'IG',
  'DIG',
  'SP',
  'ASP',
  'DSP',
  'INSPECTOR',
  'SI',
  'ASI',
  'HEAD_CONSTABLE',
  'CONSTABLE',
] as const satisfies readonly Rank[];
export const AVAILABILITY_KINDS = [
  'LEAVE',
  'WEEKLY_OFF',
  'COURT',
  'TRAINING',
  'OTHER',
] as const satisfies readonly AvailabilityKind[];
export const BANDOBAST_KINDS = [
  'FESTIVAL',
  'VIP_VISIT',
  'PROCESSION',
  'PROTEST',
  'ELECTION',
  'ROUTINE',
  'OTHER',
] as const satisfies readonly BandobastKind[];
export const POST_KINDS = [
  'FIXED_POINT',
  'CHECK_POINT',
  'PATROL_BEAT',
  'TRAFFIC',
  'RESERVE_QRT',
  'STRIKING_SQUAD',
  'ARREST_PARTY',
  'ROOFTOP',
  'PLAIN_CLOTHES',
  'DOG_SQUAD',
  'BOMB_SQUAD',
] as const satisfies readonly PostKind[];

const KEY = ['duty-charts'] as const;
const OFFICERS = [...KEY, 'officers'] as const;
const BANDOBASTS = [...KEY, 'bandobasts'] as const;
const CHARTS = [...KEY, 'charts'] as const;

export function useOfficers(query: OfficerQuery) {
  return useQuery({
    queryKey: [...OFFICERS, query],
    queryFn: () => unwrap(api.GET('/api/v1/officers', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The roll's CSV or XLSX (lib/sheet-import.ts): refused with its per-row report, or imported. */
export function useImportRoll() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, confirmPartial }: { file: File; confirmPartial: boolean }) => importSheet<ImportReport>('/api/v1/officers/import', file, confirmPartial),
    onSettled: () => client.invalidateQueries({ queryKey: OFFICERS }),
  });
}

export function useAvailability(officerId: string) {
  return useQuery({
    queryKey: [...OFFICERS, officerId, 'availability'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/officers/{officerId}/availability', { params: { path: { officerId } } }),
      ),
  });
}

export function useAddAvailability(officerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateAvailabilityDto']) =>
      unwrap(
        api.POST('/api/v1/officers/{officerId}/availability', {
          params: { path: { officerId } },
          body,
        }),
      ),
    onSettled: () =>
      client.invalidateQueries({ queryKey: [...OFFICERS, officerId, 'availability'] }),
  });
}

export function useCancelAvailability(officerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/availability/{id}/cancel', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSettled: () =>
      client.invalidateQueries({ queryKey: [...OFFICERS, officerId, 'availability'] }),
  });
}


export function useBandobasts() {
  return useQuery({
    queryKey: [...BANDOBASTS, 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/bandobasts', { params: { query: { limit: 100 } } })),
  });
}

export function useBandobast(id: string) {
  return useQuery({
    queryKey: [...BANDOBASTS, id],
    queryFn: () => unwrap(api.GET('/api/v1/bandobasts/{id}', { params: { path: { id } } })),
  });
}

export function useCreateBandobast() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBandobast) => unwrap(api.POST('/api/v1/bandobasts', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: BANDOBASTS }),
  });
}

export function useAddDivisions(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['AddDivisionsDto']) =>
      unwrap(api.POST('/api/v1/bandobasts/{id}/divisions', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...BANDOBASTS, id] }),
  });
}

export function useCharts(bandobastId: string) {
  return useQuery({
    queryKey: [...BANDOBASTS, bandobastId, 'charts'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/bandobasts/{id}/charts', { params: { path: { id: bandobastId } } })),
  });
}

export function useNewChart(bandobastId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/bandobasts/{id}/charts', { params: { path: { id: bandobastId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...BANDOBASTS, bandobastId, 'charts'] }),
  });
}

export function useChart(id: string) {
  return useQuery({
    queryKey: [...CHARTS, id],
    queryFn: () => unwrap(api.GET('/api/v1/duty-charts/{id}', { params: { path: { id } } })),
  });
}

/** A solve or a publication runs as a job: polled while it runs, so the user may leave and come back. */
export function useProgress(id: string) {
  return useQuery({
    queryKey: [...CHARTS, id, 'progress'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/duty-charts/{id}/progress', { params: { path: { id } } })),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'SOLVING' || q.state.data.status === 'PUBLISHING')
        ? 500
        : false,
  });
}

export function useAssignments(id: string) {
  return useQuery({
    queryKey: [...CHARTS, id, 'assignments'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/duty-charts/{id}/assignments', {
          params: { path: { id }, query: { limit: 2000 } },
        }),
      ),
  });
}

export function usePapers(id: string, published: boolean) {
  return useQuery({
    queryKey: [...CHARTS, id, 'papers'],
    queryFn: () => unwrap(api.GET('/api/v1/duty-charts/{id}/papers', { params: { path: { id } } })),
    enabled: published,
  });
}

/** Everything about a chart is read again after a change to it (and its bandobast's list of versions). */
function useChartChange<TArgs, TResult>(chartId: string, call: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: [...CHARTS, chartId] });
      void client.invalidateQueries({ queryKey: BANDOBASTS });
    },
  });
}

const chartPath = (id: string) => ({ params: { path: { id } } });

export const useSolve = (id: string) =>
  useChartChange(id, () =>
    unwrap(api.POST('/api/v1/duty-charts/{id}/solve', { ...chartPath(id), body: {} })),
  );
export const useCancelSolve = (id: string) =>
  useChartChange(id, () =>
    unwrap(api.POST('/api/v1/duty-charts/{id}/solve/cancel', chartPath(id))),
  );
export const usePublish = (id: string) =>
  useChartChange(id, () => unwrap(api.POST('/api/v1/duty-charts/{id}/publish', chartPath(id))));
export const useDiscard = (id: string) =>
  useChartChange(id, () => unwrap(api.POST('/api/v1/duty-charts/{id}/discard', chartPath(id))));
export const useAddDuty = (id: string) =>
  useChartChange(id, (body: Schemas['AddAssignmentDto']) =>
    unwrap(api.POST('/api/v1/duty-charts/{id}/assignments', { ...chartPath(id), body })),
  );
export const usePin = (id: string) =>
  useChartChange(id, ({ assignmentId, pinned }: { assignmentId: string; pinned: boolean }) =>
    unwrap(
      api.PATCH('/api/v1/duty-charts/{id}/assignments/{assignmentId}', {
        params: { path: { id, assignmentId } },
        body: { pinned },
      }),
    ),
  );
export const useRemoveDuty = (id: string) =>
  useChartChange(id, async (assignmentId: string) => {
    await unwrap(
      api.DELETE('/api/v1/duty-charts/{id}/assignments/{assignmentId}', {
        params: { path: { id, assignmentId } },
      }),
    );
  });

/** The master chart, or a thana's chart (its code), fetched with the session. */
export async function chartPdf(id: string, thana?: string): Promise<Blob> {
  return unwrap(
    api.GET('/api/v1/duty-charts/{id}/pdf', {
      params: { path: { id }, query: thana ? { thana } : {} },
      parseAs: 'blob',
    }),
  ) as Promise<Blob>;
}

/** Looks an officer up by belt number, for a manual duty. */
export async function officerByBelt(beltNo: string): Promise<Officer | undefined> {
  const page = await unwrap(
    api.GET('/api/v1/officers', { params: { query: { q: beltNo, limit: 20 } } }),
  );
  const wanted = beltNo.replace(/\s/g, '').toUpperCase();
  return page.items.find((o) => o.beltNo.replace(/\s/g, '').toUpperCase() === wanted);
}
