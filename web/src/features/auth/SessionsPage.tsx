import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { session } from '../../lib/session';
import { formatDateTime } from '../../lib/time';

const SESSIONS_KEY = ['my-sessions'] as const;

/** "My sessions": where this account is logged in, and ending any of them. */
export function SessionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('sessions.title'));
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => unwrap(api.GET('/api/v1/auth/sessions')) });
  const [confirming, setConfirming] = useState<string | undefined>();
  const revoke = useMutation({
    mutationFn: async ({ id, current }: { id: string; current: boolean }) => {
      await unwrap(api.POST('/api/v1/auth/sessions/{id}/revoke', { params: { path: { id } } }));
      if (current) await session.logout();
    },
    onSuccess: () => {
      setConfirming(undefined);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });

  return (
    <div className="page">
      <h1>{t('sessions.title')}</h1>
      <p>{t('sessions.intro')}</p>
      <Panel title={t('sessions.listTitle')} headingId="sessions-list" loading={sessions.isPending} error={sessions.error}>
        <FormMessage error={revoke.error} />
        <ul className="rows">
          {(sessions.data ?? []).map((s) => (
            <li key={s.id} className="row session-row">
              <div>
                <p className="row-title">
                  {s.current ? <strong>{t('sessions.thisOne')}</strong> : t('sessions.other')}
                  {s.ip ? <span className="muted"> · {t('sessions.from', { ip: s.ip })}</span> : null}
                </p>
                <p className="muted">
                  {t('sessions.times', { started: formatDateTime(s.startedAt), lastUsed: formatDateTime(s.lastUsedAt) })}
                </p>
              </div>
              {confirming === s.id ? (
                <div className="confirm" role="group" aria-label={t('sessions.confirmLabel')}>
                  <span>{t(s.current ? 'sessions.confirmCurrent' : 'sessions.confirm')}</span>
                  <button type="button" className="button danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: s.id, current: s.current })}>
                    {t('sessions.yesEnd')}
                  </button>
                  <button type="button" className="button quiet" onClick={() => setConfirming(undefined)}>
                    {t('sessions.keep')}
                  </button>
                </div>
              ) : (
                <button type="button" className="button" onClick={() => setConfirming(s.id)}>
                  {t('sessions.end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </Panel>
      <p>
        <Link to="/change-password">{t('sessions.changePassword')}</Link>
      </p>
    </div>
  );
}
