import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { importSheet } from '../../lib/sheet-import';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type User = Schemas['UserView'];
export type Role = User['roles'][number];
export type Unit = Schemas['UnitView'];
export type UnitKind = Unit['kind'];
export type CreatableUnitKind = Schemas['CreateUnitDto']['kind'];
export type ImportReport = Schemas['UnitImportReportView'];
export type Notification = Schemas['NotificationView'];
export type CreateUser = Schemas['CreateUserDto'];
export type UpdateUser = Schemas['UpdateUserDto'];
export type CreateUnit = Schemas['CreateUnitDto'];
export type UpdateUnit = Schemas['UpdateUnitDto'];

/** Every role the API knows, in the order an admin reads them. */
export const ROLES: readonly Role[] = ['ADMIN', 'CONTROL_ROOM', 'APPROVER', 'VERIFIER', 'DUTY_OFFICER', 'OFFICER', 'AUDITOR'];
export const CREATABLE_UNIT_KINDS: readonly CreatableUnitKind[] = ['ZONE', 'DIVISION', 'THANA', 'BRANCH'];

const USERS_KEY = ['admin', 'users'] as const;
/** The same key the dashboard's map reads the units by: a change here redraws it. */
const UNITS_KEY = ['units'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: () => unwrap(api.GET('/api/v1/users')) });
}

export function useUnits(includeRetired = false) {
  return useQuery({
    queryKey: [...UNITS_KEY, { includeRetired }],
    queryFn: () => unwrap(api.GET('/api/v1/units', { params: { query: { includeRetired: includeRetired ? 'true' : 'false' } } })),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['admin', 'notifications'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 200 } } })),
    refetchInterval: 15_000,
  });
}

function useInvalidating<TArgs, TResult>(keys: ReadonlyArray<readonly unknown[]>, call: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => {
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export const useCreateUser = () => useInvalidating([USERS_KEY], (body: CreateUser) => unwrap(api.POST('/api/v1/users', { body })));
export const useUpdateUser = () =>
  useInvalidating([USERS_KEY], ({ id, body }: { id: string; body: UpdateUser }) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })));
export const useResetPassword = () =>
  useInvalidating([USERS_KEY], (id: string) => unwrap(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id } } })));
export const useRevokeSessions = () =>
  useInvalidating([USERS_KEY], async (id: string) => {
    await unwrap(api.POST('/api/v1/users/{id}/revoke-sessions', { params: { path: { id } } }));
  });

export const useCreateUnit = () => useInvalidating([UNITS_KEY], (body: CreateUnit) => unwrap(api.POST('/api/v1/units', { body })));
export const useUpdateUnit = () =>
  useInvalidating([UNITS_KEY], ({ id, body }: { id: string; body: UpdateUnit }) => unwrap(api.PATCH('/api/v1/units/{id}', { params: { path: { id } }, body })));
export const useMoveUnit = () =>
  useInvalidating([UNITS_KEY], ({ id, version, parentCode }: { id: string; version: number; parentCode: string }) =>
    unwrap(api.POST('/api/v1/units/{id}/move', { params: { path: { id } }, body: { version, parentCode } })),
  );
export const useRemoveUnit = () =>
  useInvalidating([UNITS_KEY], ({ id, version }: { id: string; version: number }) => unwrap(api.DELETE('/api/v1/units/{id}', { params: { path: { id }, query: { version } } })));

/** The units CSV (lib/sheet-import.ts): refused with its per-row report, or imported. */
export const useImportUnits = () =>
  useInvalidating([UNITS_KEY], ({ file, confirmPartial }: { file: File; confirmPartial: boolean }) => importSheet<ImportReport>('/api/v1/units/import', file, confirmPartial));
