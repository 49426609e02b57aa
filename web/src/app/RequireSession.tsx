import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../lib/use-session';

/** Signed-in screens: anyone else goes to the login page (with why), a one-time password to its change. */
export function RequireSession() {
  const state = useSession();
  const location = useLocation();
  if (state.status !== 'signed-in') {
    const ended = state.status === 'anonymous' ? state.ended : undefined;
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search, ended }} />;
  }
  if (state.me.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}
