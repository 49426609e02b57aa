import { createBrowserRouter, Navigate } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionsPage } from '../features/auth/SessionsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { useSession } from '../lib/use-session';
import { navFor } from './nav';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';
import { Shell } from './Shell';

/** `/`: the first screen of the navigation this user has. */
function Home() {
  const state = useSession();
  const first = state.status === 'signed-in' ? navFor(state.me.roles)[0] : undefined;
  return <Navigate to={first?.to ?? '/sessions'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Home /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
