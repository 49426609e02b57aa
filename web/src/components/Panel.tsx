import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiUnreachableError } from '../api/errors';

/** A titled part of a screen, with its loading and error states. */
export function Panel({
  title,
  headingId,
  loading,
  error,
  children,
  className,
}: {
  title: string;
  headingId: string;
  loading?: boolean;
  error?: unknown;
  children?: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className={`panel${className ? ` ${className}` : ''}`} aria-labelledby={headingId} aria-busy={loading || undefined}>
      <h2 id={headingId}>{title}</h2>
      {error ? (
        <p className="panel-error" role="alert">
          {error instanceof ApiUnreachableError ? t('offline.panel') : t('errors.panel')}
        </p>
      ) : loading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        children
      )}
    </section>
  );
}
