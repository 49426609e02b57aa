import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { ApiUnreachableNotice } from '../../components/ApiUnreachableNotice';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePageTitle } from '../../components/usePageTitle';
import { session } from '../../lib/session';
import { useSession } from '../../lib/use-session';

/**
 * The password change: forced after a one-time password (nothing else opens until it is done),
 * or chosen from "my sessions". Every other session of the account ends with it.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  const state = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => session.changePassword(current, next),
    onSuccess: () => navigate('/', { replace: true }),
  });

  if (state.status !== 'signed-in') return <Navigate to="/login" replace state={{ from: '/change-password' }} />;
  const forced = state.me.mustChangePassword;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differs = next !== repeat;
    setMismatch(differs);
    if (!differs) change.mutate();
  };
  const apiError = change.error instanceof ApiError ? change.error : undefined;
  const currentWrong = apiError?.status === 401;

  return (
    <div className="auth-screen">
      <header className="auth-top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <ApiUnreachableNotice />
      <main id="main" className="auth-card">
        <h1>{t(forced ? 'password.forcedTitle' : 'password.title')}</h1>
        <p>{t(forced ? 'password.forcedIntro' : 'password.intro')}</p>
        <form onSubmit={submit} noValidate>
          <FormMessage error={currentWrong ? undefined : change.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('password.refused') : undefined)} />
          <input type="text" name="username" autoComplete="username" value={state.me.username} readOnly hidden />
          <Field
            label={t(forced ? 'password.oneTime' : 'password.current')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={currentWrong ? t('password.currentWrong') : apiError?.fieldMessage('currentPassword')}
            errorLang={currentWrong ? undefined : 'en'}
          />
          <Field
            label={t('password.new')}
            hint={t('password.rules')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.target.value)}
            error={apiError?.fieldMessage('newPassword')}
            errorLang="en"
          />
          <Field
            label={t('password.repeat')}
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={mismatch ? t('password.mismatch') : undefined}
          />
          <div className="actions">
            <button type="submit" className="button primary" disabled={change.isPending || !current || !next || !repeat}>
              {change.isPending ? t('password.submitting') : t('password.submit')}
            </button>
            {forced ? (
              <button type="button" className="button quiet" onClick={() => void session.logout()}>
                {t('shell.logout')}
              </button>
            ) : (
              <Link to="/sessions">{t('password.cancel')}</Link>
            )}
          </div>
        </form>
      </main>
    </div>
  );
}
