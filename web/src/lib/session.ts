import { ApiError, ApiUnreachableError } from '../api/errors';
import { CSRF_HEADER, sessionClient, unwrap } from '../api/http';
import type { components } from '../api/schema';
import { vault } from '../offline/vault';

/**
 * The browser session (issue 13, "Browser session security"):
 * - the access token lives in this module's memory only, never in storage;
 * - the refresh token is an HttpOnly, SameSite=Strict cookie scoped to /api/v1/auth/session,
 *   which this code can neither read nor write: the API sets and rotates it;
 * - a reload resumes the session through that cookie (POST /auth/session/refresh);
 * - a 401 on any call refreshes once (api/client.ts); a refused refresh ends the session here,
 *   and the router shows the login page with why.
 * - with no server at page load, the user still signed in on this browser is shown as such
 *   (`offline`), from their device key (offline/vault.ts), so their queued work stays at hand;
 *   nothing is sent until the server resumes the session.
 */
type BrowserSession = components['schemas']['BrowserSessionView'];
export type Me = components['schemas']['UserView'];

/** Why the user is on the login page, if not by choice. */
export type EndReason = 'revoked' | 'logged-out';

export type SessionState =
  | { status: 'starting' }
  | { status: 'anonymous'; ended?: EndReason }
  | { status: 'signed-in'; me: Me; offline?: boolean };

type Listener = () => void;

let state: SessionState = { status: 'starting' };
let accessToken: string | undefined;
/** Epoch ms after which the access token is treated as expired (a little before the API does). */
let expiresAt = 0;
let refreshing: Promise<string | undefined> | undefined;
/** Whose session ended last in this tab: the page they were on is theirs, not the next user's. */
let endedUserId: string | undefined;
const listeners = new Set<Listener>();

/**
 * A logout the server did not hear (it could not be reached): the refresh cookie still holds a
 * live session, so it is ended at the server first, before this browser resumes or logs in.
 */
const LOGOUT_PENDING = 'police-ops.logout-pending';

function logoutPending(): boolean {
  try {
    return localStorage.getItem(LOGOUT_PENDING) === '1';
  } catch {
    return false;
  }
}

/** Ends, at the server, the session the cookie holds. */
function postLogout(): Promise<unknown> {
  return unwrap(sessionClient.POST('/api/v1/auth/session/logout', { params: { header: CSRF_HEADER } }));
}

/** Ends the session the cookie still holds, if a logout is owed; answers whether it is (still) owed. */
async function settleLogout(): Promise<boolean> {
  if (!logoutPending()) return false;
  try {
    await postLogout();
  } catch (e) {
    if (e instanceof ApiUnreachableError) return true;
  }
  localStorage.removeItem(LOGOUT_PENDING);
  return false;
}

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
  // The device key leaves with the session; what it sealed stays, locked, until the user logs in here again.
  void vault.signedOut().catch(() => undefined);
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
      const resumed = await unwrap(res);
      adopt(resumed);
      // The device key this browser holds for the user, opened beside the session rather than
      // before it: in a fresh profile the database is created first, which the first screen
      // need not wait for (the outbox sends once the key is open: it listens to the vault).
      if (vault.openFor() !== resumed.me.id) void vault.resumed(resumed.me).catch(() => false);
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
    // Logged out while the server was away: that session is over, whatever the cookie says.
    if (logoutPending()) {
      await settleLogout();
      end(undefined);
      return;
    }
    try {
      if (!(await refreshOnce())) end(undefined);
    } catch (e) {
      if (e instanceof ApiUnreachableError) throw e;
      end(undefined);
    }
  },

  async login(username: string, password: string): Promise<void> {
    await settleLogout();
    const started = await unwrap(sessionClient.POST('/api/v1/auth/session', { params: { header: CSRF_HEADER }, body: { username, password } }));
    // Without IndexedDB (a private window) the app works online only: nothing can be queued.
    await vault.signedIn(started.me, password).catch(() => undefined);
    adopt(started);
  },

  /**
   * The server cannot be reached at page load: the user signed in on this browser before, as
   * their device remembers them, until the server answers (resume is tried again meanwhile).
   */
  async resumeOffline(): Promise<void> {
    if (state.status !== 'starting' || logoutPending()) return;
    const me = await vault.heldUser<Me>().catch(() => undefined);
    if (me && state.status === 'starting') setState({ status: 'signed-in', me, offline: true });
  },

  /** A live session: signed in, and the server has vouched for it since the page loaded. */
  isLive: (): boolean => state.status === 'signed-in' && !state.offline && accessToken !== undefined,

  /** Changing the password ends every other session; this one continues on the new cookie. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const token = await session.token();
    const changed = await unwrap(
      sessionClient.POST('/api/v1/auth/session/password', {
        params: { header: CSRF_HEADER },
        body: { currentPassword, newPassword },
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      }),
    );
    // The same device key, wrapped with the new password: what is queued stays readable.
    await vault.passwordChanged(changed.me.id, currentPassword, newPassword).catch(() => undefined);
    adopt(changed);
  },

  async logout(): Promise<void> {
    try {
      await postLogout();
    } catch (e) {
      // Out here at once all the same; the server hears of it as soon as it answers again.
      if (!(e instanceof ApiUnreachableError)) throw e;
      localStorage.setItem(LOGOUT_PENDING, '1');
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
