import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/errors';
import { ApiUnreachableNotice } from '../../components/ApiUnreachableNotice';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePageTitle } from '../../components/usePageTitle';
import { session, type EndReason } from '../../lib/session';
import { useSession } from '../../lib/use-session';

interface LoginLocationState {
  from?: string;
  /** Whose page `from` was, when a session ended there; another user is not sent to it. */
  fromUser?: string;
  ended?: EndReason;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const state = useSession();
  const location = useLocation();
  const arrived = (location.state ?? {}) as LoginLocationState;
  const ended = arrived.ended ?? (state.status === 'anonymous' ? state.ended : undefined);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({ mutationFn: () => session.login(username.trim(), password) });

  if (state.status === 'signed-in') {
    const theirs = arrived.fromUser === undefined || arrived.fromUser === state.me.id;
    const from = arrived.from && arrived.from !== '/login' && theirs ? arrived.from : '/';
    return <Navigate to={state.me.mustChangePassword ? '/change-password' : from} replace />;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  const fieldError = (name: string) => (login.error instanceof ApiError ? login.error.fieldMessage(name) : undefined);

  return (
    <div className="auth-screen">
      <header className="auth-top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <ApiUnreachableNotice />
      <main id="main" className="auth-card">
        <h1>{t('login.title')}</h1>
        {ended && !login.isPending ? (
          <p className={`notice ${ended === 'revoked' ? 'warning' : 'info'}`} role="status">
            {t(ended === 'revoked' ? 'login.ended.revoked' : 'login.ended.loggedOut')}
          </p>
        ) : null}
        <form onSubmit={submit} noValidate>
          <FormMessage error={login.error} explain={(e) => (e.status === 401 ? t('login.wrong') : e.status === 429 ? t('login.tooMany') : undefined)} />
          <Field
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={fieldError('username')}
            errorLang="en"
          />
          <Field
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError('password')}
            errorLang="en"
          />
          <button type="submit" className="button primary" disabled={login.isPending || !username || !password}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
