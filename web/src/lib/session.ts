import { ApiError, ApiUnreachableError } from '../api/errors';
import { CSRF_HEADER, sessionClient, unwrap } from '../api/http';
import type { components } from '../api/schema';

/**
 * The browser session (issue 13, "Browser session security"):
 * - the access token lives in this module's memory only, never in storage;
 * - the refresh token is an HttpOnly, SameSite=Strict cookie scoped to /api/v1/auth/session,
 *   which this code can neither read nor write: the API sets and rotates it;
 * - a reload resumes the session through that cookie (POST /auth/session/refresh);
 * - a 401 on any call refreshes once (api/client.ts); a refused refresh ends the session here,
 *   and the router shows the login page with why.
 */
type BrowserSession = components['schemas']['BrowserSessionView'];
export type Me = components['schemas']['UserView'];

/** Why the user is on the login page, if not by choice. */
export type EndReason = 'revoked' | 'logged-out';

export type SessionState =
  | { status: 'starting' }
  | { status: 'anonymous'; ended?: EndReason }
  | { status: 'signed-in'; me: Me };

type Listener = () => void;

let state: SessionState = { status: 'starting' };
let accessToken: string | undefined;
/** Epoch ms after which the access token is treated as expired (a little before the API does). */
let expiresAt = 0;
let refreshing: Promise<string | undefined> | undefined;
/** Whose session ended last in this tab: the page they were on is theirs, not the next user's. */
let endedUserId: string | undefined;
const listeners = new Set<Listener>();

/** Refresh this long before the token expires, so no call is sent with a dying token. */
const EARLY_MS = 30_000;

function setState(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

function end(reason: EndReason | undefined): void {
  if (state.status === 'signed-in') endedUserId = state.me.id;
  accessToken = undefined;
  expiresAt = 0;
  setState(reason ? { status: 'anonymous', ended: reason } : { status: 'anonymous' });
}

/** Takes the new access token, and who it belongs to (in the same answer: no second call). */
function adopt(session: BrowserSession): void {
  accessToken = session.accessToken;
  expiresAt = Date.now() + session.expiresIn * 1000 - EARLY_MS;
  setState({ status: 'signed-in', me: session.me });
}

/** One refresh at a time; the new token, or undefined when the API refused (the session is over). */
function refreshOnce(): Promise<string | undefined> {
  refreshing ??= (async () => {
    try {
      const res = await sessionClient.POST('/api/v1/auth/session/refresh', { params: { header: CSRF_HEADER } });
      if (res.response.status === 401) return undefined;
      adopt(await unwrap(res));
      return accessToken;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export const session = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): SessionState => state,
  /** The user whose session ended last in this tab, if one did. */
  endedUserId: (): string | undefined => endedUserId,

  /**
   * At page load: resume through the cookie, or start anonymous (any refusal, e.g. a cookie of
   * an ended session). Only an unreachable API is thrown, for the caller to try again.
   */
  async resume(): Promise<void> {
    try {
      if (!(await refreshOnce())) end(undefined);
    } catch (e) {
      if (e instanceof ApiUnreachableError) throw e;
      end(undefined);
    }
  },

  async login(username: string, password: string): Promise<void> {
    adopt(await unwrap(sessionClient.POST('/api/v1/auth/session', { params: { header: CSRF_HEADER }, body: { username, password } })));
  },

  /** Changing the password ends every other session; this one continues on the new cookie. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const token = await session.token();
    adopt(
      await unwrap(
        sessionClient.POST('/api/v1/auth/session/password', {
          params: { header: CSRF_HEADER },
          body: { currentPassword, newPassword },
          headers: token ? { Authorization: `Bearer ${token}` } : {},
        }),
      ),
    );
  },

  async logout(): Promise<void> {
    try {
      await unwrap(sessionClient.POST('/api/v1/auth/session/logout', { params: { header: CSRF_HEADER } }));
    } finally {
      end('logged-out');
    }
  },

  /** The token to send now, refreshed first when it is about to expire. */
  async token(): Promise<string | undefined> {
    if (accessToken && Date.now() < expiresAt) return accessToken;
    if (!accessToken) return undefined;
    try {
      const token = await refreshOnce();
      if (!token) end('revoked');
      return token;
    } catch (e) {
      // Offline: send what we have; the call itself will say the API is unreachable.
      if (e instanceof ApiUnreachableError) return accessToken;
      throw e;
    }
  },

  /**
   * A call was refused with 401 although it carried `used`: the session may have been revoked,
   * or the token expired in flight. Refresh once; undefined means the session is over.
   */
  async afterUnauthorized(used: string | undefined): Promise<string | undefined> {
    if (!used) return undefined;
    if (accessToken && accessToken !== used) return accessToken; // another call refreshed already
    const token = await refreshOnce().catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 401) return undefined;
      throw e;
    });
    if (!token) end('revoked');
    return token;
  },
};
