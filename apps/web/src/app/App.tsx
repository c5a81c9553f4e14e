import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { UserManager } from 'oidc-client-ts';
import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { useTokensFrom } from '../api/clients';
import { ApiProblem } from '../api/problem';
import { AuthProvider, useAuth } from '../auth/AuthProvider';
import { routes } from './routes';

/** A refusal (4xx) will not change by asking again; a network failure or a 5xx may. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiProblem && error.status < 500 && error.status !== 429) return false;
  return failures < 2;
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry, staleTime: 10_000 }, mutations: { retry: false } },
});
const router = createBrowserRouter(routes);

/** The API clients take their tokens from the session. */
function TokensForTheClients() {
  const { accessToken } = useAuth();
  useEffect(() => useTokensFrom(accessToken), [accessToken]);
  return null;
}

export function App({ userManager }: { userManager: UserManager }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider userManager={userManager}>
        <TokensForTheClients />
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
