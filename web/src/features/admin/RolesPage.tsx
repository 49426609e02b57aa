import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { ROLES, useUsers } from './api';

/**
 * The roles are fixed by the API (each route names the roles it serves); an admin gives them
 * to accounts. This says what each one may do, and who holds it.
 */
export function RolesPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.roles.title'));
  const users = useUsers();
  return (
    <>
      <h1>{t('admin.roles.title')}</h1>
      <p>{t('admin.roles.intro')}</p>
      <Panel title={t('admin.roles.listTitle')} headingId="roles-list" loading={users.isPending} error={users.error}>
        <ul className="rows">
          {ROLES.map((role) => {
            const holders = (users.data ?? []).filter((u) => u.isActive && u.roles.includes(role));
            return (
              <li key={role} className="row role-row">
                <div>
                  <h3 className="row-title">
                    {t(`role.${role}.name`)} <code className="muted">{role}</code>
                  </h3>
                  <p>{t(`role.${role}.does`)}</p>
                  <p className="muted">{t(`role.${role}.scope`)}</p>
                </div>
                <p className="role-holders">
                  {t('admin.roles.holders', { count: holders.length })}
                  {holders.length > 0 ? <span className="muted"> · {holders.map((u) => u.username).join(', ')}</span> : null}
                </p>
              </li>
            );
          })}
        </ul>
      </Panel>
    </>
  );
}
