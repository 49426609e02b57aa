import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/usePageTitle';
import { hasAnyRole, type Role } from '../lib/roles';
import { useSession } from '../lib/use-session';

/** A screen for some roles only: others (who typed its address) are told it is not theirs. */
export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const state = useSession();
  const allowed = state.status === 'signed-in' && hasAnyRole(state.me.roles, roles);
  return allowed ? children : <NotYours />;
}

function NotYours() {
  const { t } = useTranslation();
  usePageTitle(t('notYours.title'));
  return (
    <section className="page narrow">
      <h1>{t('notYours.title')}</h1>
      <p>{t('notYours.body')}</p>
    </section>
  );
}
