import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { TokenService, VerifiedAccessClaims } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Past this many remembered sessions the cache starts afresh rather than grow without bound. */
const MAX_CACHED = 50_000;

/**
 * Whether an access token still speaks for its account. A signature and an expiry are not
 * enough: after a logout, a password change or reset, a deactivation, or a change of roles or
 * unit, the tokens already handed out must stop working at once, not up to 15 minutes later.
 *
 * A token carries the account's `session_version` (`sv`) and its session, the refresh-token
 * family it was issued with (`sid`). It is current while the account is active, its version
 * is the token's, and the session still has a live refresh token (logout revokes the family;
 * every account change revokes all of them and raises the version).
 *
 * The answer is one indexed read, remembered in this process for
 * ACCESS_TOKEN_RECHECK_SECONDS. Changes made through this instance `forget` the account after
 * they commit, so they apply at once here; other instances see them within that time.
 */
@Injectable()
export class SessionCheck {
  /** userId → `${sid}:${sv}` → until when (ms) the session counts as current without a read. */
  private readonly current = new Map<string, Map<string, number>>();
  private size = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The token's claims if it is valid and its session current; null otherwise. */
  async verify(token: string): Promise<VerifiedAccessClaims | null> {
    let claims: VerifiedAccessClaims;
    try {
      claims = this.tokens.verifyAccess(token);
    } catch {
      return null;
    }
    return (await this.isCurrent(claims)) ? claims : null;
  }

  async isCurrent(claims: Pick<VerifiedAccessClaims, 'sub' | 'sid' | 'sv'>): Promise<boolean> {
    if (!UUID.test(claims.sub) || !UUID.test(claims.sid)) return false;
    const key = `${claims.sid}:${claims.sv}`;
    const now = Date.now();
    const until = this.current.get(claims.sub)?.get(key);
    if (until !== undefined && until > now) return true;

    const rows: Array<{ ok: boolean }> = await this.dataSource.query(
      `SELECT u.is_active AND u.session_version = $3
              AND EXISTS (SELECT 1 FROM refresh_token r
                           WHERE r.family_id = $2 AND r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now()) AS ok
         FROM app_user u WHERE u.id = $1`,
      [claims.sub, claims.sid, claims.sv],
    );
    const ok = rows[0]?.ok === true;
    if (ok) this.remember(claims.sub, key, now + this.config.ACCESS_TOKEN_RECHECK_SECONDS * 1000);
    else this.forget(claims.sub);
    return ok;
  }

  /** Call after a change to the account (or one of its sessions) has committed. */
  forget(userId: string): void {
    const sessions = this.current.get(userId);
    if (!sessions) return;
    this.size -= sessions.size;
    this.current.delete(userId);
  }

  private remember(userId: string, key: string, until: number): void {
    if (this.config.ACCESS_TOKEN_RECHECK_SECONDS <= 0) return;
    if (this.size >= MAX_CACHED) {
      this.current.clear();
      this.size = 0;
    }
    let sessions = this.current.get(userId);
    if (!sessions) this.current.set(userId, (sessions = new Map()));
    if (!sessions.has(key)) this.size++;
    sessions.set(key, until);
  }
}
