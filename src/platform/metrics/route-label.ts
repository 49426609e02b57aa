/** The label of a request no route answered (404s, static files, the web app's pages). */
export const UNMATCHED = 'unmatched';

/** A catch-all path such as `/{*splat}`: the app-wide middleware's own, never a route of the API. */
const CATCH_ALL = /^\/?(\{\*\w*\}|\*\w*|\(\.\*\))$/;

/**
 * The `route` label of a request: the template of the route that answered it
 * (`/api/v1/dak/:id`), joined to the path its router is mounted at (`/admin/queues` for the
 * queue board), never the URL itself. A URL carries ids and, for slip links, the secret token
 * (`/s/<token>`); as labels those would leak into every scrape and make one series per request.
 */
export function routeLabel(baseUrl: string | undefined, routePath: unknown): string {
  if (typeof routePath !== 'string' || CATCH_ALL.test(routePath)) return UNMATCHED;
  const joined = `${baseUrl ?? ''}${routePath.startsWith('/') ? '' : '/'}${routePath}`;
  const trimmed = joined.length > 1 ? joined.replace(/\/+$/, '') : joined;
  return trimmed || '/';
}
