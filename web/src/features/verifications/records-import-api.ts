import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type RecordsImportSummary = Schemas['RecordsImportSummaryView'];
export type RecordsImportState = RecordsImportSummary['status'];
export type RowError = Schemas['RecordRowErrorView'];
export type SampleRow = Schemas['RecordsImportSampleView'];
/** An import with its row errors; the first rows as they will be entered only in the answer to the upload. */
export type RecordsImport = Schemas['RecordsImportView'] & { sample?: SampleRow[] };

export const HISTORY_PAGE_SIZE = 20;
/** The API keeps the first 1,000 row errors of an import; `badRows` counts them all. */
export const ERRORS_KEPT = 1000;

const IMPORTS_KEY = ['recordsImport'] as const;
const historyKey = (page: number) => [...IMPORTS_KEY, 'history', page] as const;
const importKey = (id: string) => [...IMPORTS_KEY, 'import', id] as const;

/** The imports, newest first, a page at a time. */
export function useImportHistory(page: number) {
  return useQuery({
    queryKey: historyKey(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/verifications/records-index/imports', {
          params: { query: { limit: HISTORY_PAGE_SIZE, offset: page * HISTORY_PAGE_SIZE } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

/**
 * One import with its row errors. Asked again every half minute while it may still be
 * confirmed, so a preview left open turns to expired on screen when its hour is up.
 */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    enabled: !!id,
    queryFn: async (): Promise<RecordsImport> =>
      unwrap(api.GET('/api/v1/verifications/records-index/imports/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (query) => (query.state.data?.status === 'PREVIEWED' ? 30_000 : false),
    // The upload's answer carries the sample rows, which a GET does not: keep them on refetch.
    structuralSharing: (previous, next) => {
      const old = previous as RecordsImport | undefined;
      const fresh = next as RecordsImport;
      return old?.sample && !fresh.sample ? { ...fresh, sample: old.sample } : fresh;
    },
  });
}

/** The file sent for its preview: nothing is entered yet. */
export function usePreviewUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File): Promise<RecordsImport> =>
      unwrap(
        api.POST('/api/v1/verifications/records-index/imports', {
          body: { file } as never,
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', file);
            return form;
          },
        }),
      ),
    onSuccess: (preview) => queryClient.setQueryData(importKey(preview.id), preview),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'history'] }),
  });
}

/** Confirm (enter the previewed rows) or discard a preview; the import and the history are asked again after. */
export function useImportDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'confirm' | 'discard' }): Promise<RecordsImport> =>
      action === 'confirm'
        ? unwrap(api.POST('/api/v1/verifications/records-index/imports/{id}/confirm', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/verifications/records-index/imports/{id}/discard', { params: { path: { id } } })),
    onSuccess: (decided) =>
      queryClient.setQueryData<RecordsImport>(importKey(decided.id), (old) => ({ ...decided, sample: old?.sample })),
    onSettled: (_data, _error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: importKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'history'] });
    },
  });
}
