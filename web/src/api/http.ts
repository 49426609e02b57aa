import createClient from 'openapi-fetch';
import { markReachable, markUnreachable } from '../lib/connectivity';
import { ApiUnreachableError, toApiError } from './errors';
import type { paths } from './schema';

/**
 * Sent on every call. The cookie-authenticated session routes refuse a request without it
 * (a cross-site form or image cannot set a header; a cross-site script would need CORS,
 * which the app never grants), and it tells the API the caller is the browser app.
 */
export const CSRF_HEADER = { 'X-Requested-With': 'police-ops' } as const;

/** Gateways in front of the app answer these when the app itself is down. */
const GATEWAY_DOWN = new Set([502, 504]);

/** fetch, noting whether the API was reached at all. */
export async function reachingFetch(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (e) {
    markUnreachable();
    throw new ApiUnreachableError(e);
  }
  if (GATEWAY_DOWN.has(response.status)) {
    markUnreachable();
    throw new ApiUnreachableError(new Error(`gateway answered ${response.status}`));
  }
  markReachable();
  return response;
}

/** The typed client without a session: the session routes themselves. */
export const sessionClient = createClient<paths>({
  baseUrl: '',
  headers: CSRF_HEADER,
  credentials: 'same-origin',
  fetch: reachingFetch,
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; otherwise an ApiError carrying the API's `fields[]`. */
export async function unwrap<T>(call: FetchResult<T> | Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}
