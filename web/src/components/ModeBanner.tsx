import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { formatDate, formatTime, splitDuration } from '../lib/time';

export const SYSTEM_STATUS_KEY = ['system-status'] as const;

export function useSystemStatus() {
  return useQuery({
    queryKey: SYSTEM_STATUS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/system/status')),
    refetchInterval: 15_000,
  });
}

/** "2 घंटे 5 मिनट" / "2 h 5 min" */
export function useWaitingFor() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const { hours, minutes } = splitDuration(seconds);
    return hours > 0 ? t('duration.hoursMinutes', { hours, minutes }) : t('duration.minutes', { count: minutes });
  };
}

/**
 * e-Office's state in one line on every screen. Down: what waits, since when, and that it
 * will be diarised into e-Office when it returns, in words a constable understands.
 */
export function ModeBanner() {
  const { t } = useTranslation();
  const status = useSystemStatus();
  const waitingFor = useWaitingFor();
  const s = status.data;
  if (!s) return null;
  if (s.mode === 'DEGRADED') {
    const since = new Date(s.since);
    return (
      <div className="mode-banner degraded" role="status" data-mode="DEGRADED">
        {s.backlog === 0
          ? t('mode.degradedEmpty', { time: formatTime(since), date: formatDate(since) })
          : t('mode.degraded', {
              time: formatTime(since),
              date: formatDate(since),
              count: s.backlog,
              oldest: s.oldestPendingAgeSeconds === null ? t('mode.none') : waitingFor(s.oldestPendingAgeSeconds),
            })}
        {s.failed > 0 ? ` ${t('mode.failed', { count: s.failed })}` : ''}
      </div>
    );
  }
  return (
    <div className={`mode-banner online${s.failed > 0 ? ' has-failed' : ''}`} role="status" data-mode="ONLINE">
      {s.backlog > 0 ? t('mode.onlineSending', { count: s.backlog }) : t('mode.online')}
      {s.failed > 0 ? ` ${t('mode.failed', { count: s.failed })}` : ''}
    </div>
  );
}
