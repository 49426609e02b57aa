import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ApiUnreachableNotice } from '../components/ApiUnreachableNotice';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ModeBanner } from '../components/ModeBanner';
import { UpdateNotice } from '../components/UpdateNotice';
import { OutboxBanner } from '../components/OutboxBanner';
import { currentLanguage } from '../i18n';
import { session } from '../lib/session';
import { useSession } from '../lib/use-session';
import { navFor } from './nav';

/**
 * Every signed-in screen: who is working, where they can go, the state of e-Office and of our
 * API, and what waits on this device to be sent.
 */
export function Shell() {
  const { t } = useTranslation();
  const state = useSession();
  if (state.status !== 'signed-in') return null;
  const { me } = state;
  const name = currentLanguage() === 'hi' ? me.displayNameHi || me.displayNameEn : me.displayNameEn || me.displayNameHi;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <div className="brand">{t('app.name')}</div>
        <nav aria-label={t('shell.navigation')}>
          <ul className="nav">
            {navFor(me.roles).map((entry) => (
              <li key={entry.to}>
                <NavLink to={entry.to} end={entry.end}>
                  {t(entry.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="who-name">{t('shell.signedInAs', { name, rank: me.rank })}</span>
          <LanguageSwitch />
          <button type="button" className="button quiet" onClick={() => void session.logout()}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <ModeBanner />
      <UpdateNotice />
      <ApiUnreachableNotice offline={state.offline === true} />
      <OutboxBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
