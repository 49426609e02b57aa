import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

const SECTIONS = [
  { to: '/admin/users', label: 'admin.nav.users' },
  { to: '/admin/roles', label: 'admin.nav.roles' },
  { to: '/admin/units', label: 'admin.nav.units' },
  { to: '/admin/notifications', label: 'admin.nav.notifications' },
] as const;

/** Administration: accounts, roles, the unit tree and the messages sent, one section at a time. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="page admin">
      <nav aria-label={t('admin.nav.label')}>
        <ul className="sub-nav">
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{t(s.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
