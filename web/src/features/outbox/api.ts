import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { SYSTEM_STATUS_KEY } from '../../components/ModeBanner';

export type OutboxItem = components['schemas']['OutboxItemView'];
export type OutboxStatus = OutboxItem['status'];
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['PENDING', 'FAILED', 'DELIVERED', 'CANCELLED'];

export const PAGE_SIZE = 25;

export interface OutboxFilters {
  status?: OutboxStatus;
  sourceRef?: string;
  page: number;
}

const OUTBOX_KEY = ['outbox'] as const;

/**
 * The queue as it stands, asked again every few seconds: an item waiting for e-Office turns
 * into its e-Office number on screen as soon as it is diarised, without a reload.
 */
export function useOutbox(filters: OutboxFilters) {
  return useQuery({
    queryKey: [...OUTBOX_KEY, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/eoffice/outbox', {
          params: { query: { status: filters.status, sourceRef: filters.sourceRef, limit: PAGE_SIZE, offset: filters.page * PAGE_SIZE } },
        }),
      ),
    refetchInterval: 5_000,
    placeholderData: (previous) => previous,
  });
}

/** Retry or cancel one item; the list and the e-Office line are asked again after. */
export function useOutboxAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'retry'; id: string } | { kind: 'cancel'; id: string; reason: string }) =>
      action.kind === 'retry'
        ? unwrap(api.POST('/api/v1/eoffice/outbox/{id}/retry', { params: { path: { id: action.id } } }))
        : unwrap(api.POST('/api/v1/eoffice/outbox/{id}/cancel', { params: { path: { id: action.id } }, body: { reason: action.reason } })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: OUTBOX_KEY });
      void queryClient.invalidateQueries({ queryKey: SYSTEM_STATUS_KEY });
    },
  });
}

/** Retry and cancel apply to an item not yet delivered (the outbox workflow's from-states). */
export function canAct(item: Pick<OutboxItem, 'status'>): boolean {
  return item.status === 'PENDING' || item.status === 'FAILED';
}
