import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/errors';
import { startOffline } from '../offline';
import { registerServiceWorker } from '../offline/service-worker';
import './queued-kinds';
import { router } from './router';
import { SessionGate } from './SessionGate';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer; only a lost connection is worth asking again.
      retry: (count, error) => !(error instanceof ApiError) && count < 2,
      refetchOnWindowFocus: true,
      staleTime: 10_000,
    },
    mutations: { retry: false },
  },
});

registerServiceWorker();
startOffline(queryClient);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate>
        <RouterProvider router={router} />
      </SessionGate>
    </QueryClientProvider>
  );
}
