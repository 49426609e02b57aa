import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type AuditEntry = components['schemas']['AuditEntryView'];
export type ChainCheck = components['schemas']['ChainCheckView'];

export const AUDIT_PAGE = 50;

/** What the search asks the API: the form's fields, the dates already turned into IST instants. */
export interface AuditSearch {
  actorUsername?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  before?: number;
}

export function useAuditEntries(search: AuditSearch) {
  return useQuery({
    queryKey: ['audit', 'entries', search],
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { ...search, limit: AUDIT_PAGE } } })),
    placeholderData: (previous) => previous,
  });
}

/** The whole chain walked on the server: asked for by a person, not on every visit. */
export function useChainCheck() {
  return useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => unwrap(api.GET('/api/v1/audit/verify')),
    enabled: false,
    staleTime: Infinity,
    retry: false,
  });
}
