import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiUnreachableError } from '../api/errors';
import { session } from '../lib/session';
import { useApiReachable, useSession } from '../lib/use-session';

/**
 * Resumes the session once at page load (the HttpOnly cookie, through the API), retrying
 * while the API cannot be reached (meanwhile offline, as the user this browser holds); forgets every cached answer when the session ends, so the
 * next user of the browser sees nothing of the last one's.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useSession();
  const reachable = useApiReachable();
  const queryClient = useQueryClient();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      // Only an unreachable API is thrown: work offline as the user this browser holds (if
      // any), and try again until the API answers.
      session.resume().catch((e: unknown) => {
        if (!(e instanceof ApiUnreachableError)) return;
        void session.resumeOffline();
        timer = setTimeout(attempt, 3_000);
      });
    };
    attempt();
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (state.status === 'anonymous') queryClient.clear();
  }, [state.status, queryClient]);

  if (state.status === 'starting') {
    return (
      <main className="splash" aria-busy="true">
        <p>{reachable ? t('app.starting') : t('offline.starting')}</p>
      </main>
    );
  }
  return children;
}
