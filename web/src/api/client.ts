import createClient from 'openapi-fetch';
import { session } from '../lib/session';
import { CSRF_HEADER, reachingFetch } from './http';
import type { paths } from './schema';

export { unwrap } from './http';
export { ApiError, ApiUnreachableError } from './errors';

/**
 * Sends with the session's access token; a 401 refreshes the token once and sends again.
 * If the refresh is refused the session ends (lib/session.ts) and the first answer stands.
 */
async function authedFetch(request: Request): Promise<Response> {
  const again = request.clone();
  const used = await session.token();
  if (used) request.headers.set('Authorization', `Bearer ${used}`);
  const first = await reachingFetch(request);
  if (first.status !== 401 || !used) return first;
  const fresh = await session.afterUnauthorized(used);
  if (!fresh) return first;
  again.headers.set('Authorization', `Bearer ${fresh}`);
  return reachingFetch(again);
}

/** The typed API client: paths, bodies and answers come from the API's own OpenAPI (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '', headers: CSRF_HEADER, fetch: authedFetch });
