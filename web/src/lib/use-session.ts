import { useSyncExternalStore } from 'react';
import { connectivity } from './connectivity';
import { session, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

export function useApiReachable(): boolean {
  return useSyncExternalStore(connectivity.subscribe, connectivity.isReachable);
}
