import { Navigate, Outlet, useLocation } from 'react-router';
import { session } from '../lib/session';
import { useSession } from '../lib/use-session';

/** Signed-in screens: anyone else goes to the login page (with why), a one-time password to its change. */
export function RequireSession() {
  const state = useSession();
  const location = useLocation();
  if (state.status !== 'signed-in') {
    const ended = state.status === 'anonymous' ? state.ended : undefined;
    // The page is kept for whoever it belonged to: after a logout, the next user starts at home.
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search, fromUser: session.endedUserId(), ended }} />;
  }
  if (state.me.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}
