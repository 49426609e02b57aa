import { Injectable, NotFoundException, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../context/request-context';
import { TransactionService } from '../database/transaction.service';
import { fieldError } from '../http/field-error';
import { Unit } from '../units/unit.entity';
import { LoginThrottle } from './login-throttle';
import { passwordProblem } from './password-strength';
import { PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.entity';
import { SessionCheck } from './session-check';
import { TokenService } from './token.service';
import { User } from './user.entity';

export interface TokenPair {
  /** Whose tokens these are. */
  userId: string;
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  mustChangePassword: boolean;
}

/** A login session: one refresh-token family, from its login to its latest refresh. */
export interface LoginSession {
  id: string;
  startedAt: Date;
  lastUsedAt: Date;
  ip: string | null;
  expiresAt: Date;
}

@Injectable()
export class AuthService implements OnModuleInit {
  /** Hash of a random password, so unknown usernames cost the same time as wrong passwords. */
  private dummyHash!: Promise<string>;

  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionCheck,
  ) {}

  onModuleInit(): void {
    // Made before the first login, so that one costs no more than any other.
    this.dummyHash = this.passwords.hash(this.passwords.generate());
  }

  /**
   * Every refusal is the same 401 after the same work (one password hash), whether the
   * username is unknown, the account inactive, the password wrong, or the attempt inside a
   * delay (LoginThrottle): the answer tells nothing about which usernames exist.
   */
  async login(username: string, password: string): Promise<TokenPair> {
    const usernameKey = LoginThrottle.key(username);
    const ip = RequestContext.get().ip ?? 'unknown';
    const pair = await this.tx.run(async (em) => {
      await this.throttle.lockPair(em, usernameKey, ip);
      const throttle = await this.throttle.state(em, usernameKey, ip);
      const user = await em
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .where('lower(u.username) = lower(:username)', { username })
        .getOne();
      const matches = await this.passwords.verify(user?.passwordHash ?? (await this.dummyHash), password);
      if (user) RequestContext.setActor({ id: user.id, username: user.username, roles: user.roles, unitId: user.unitId, unitPath: '' });
      // Inside the delay nothing is counted: waiting it out is all it takes.
      if (throttle.waiting) return null;
      if (!user || !user.isActive || !matches) {
        const { failures, delaySeconds } = await this.throttle.recordFailure(em, usernameKey, ip);
        if (user) {
          // Bookkeeping, not an edit: the account's version (optimistic locking) stays.
          await em.query(`UPDATE app_user SET failed_login_count = failed_login_count + 1 WHERE id = $1`, [user.id]);
          await this.audit.record(em, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            diff: delaySeconds > 0 ? { failures, delaySeconds } : { failures },
          });
        }
        // Commit the failure count even though the request fails.
        return null;
      }
      await this.throttle.clear(em, usernameKey, ip);
      await em.query(`UPDATE app_user SET failed_login_count = 0 WHERE id = $1 AND failed_login_count <> 0`, [user.id]);
      await this.audit.record(em, { action: 'auth.login', entityType: 'user', entityId: user.id });
      return this.issue(em, user, randomUUID());
    });
    if (!pair) throw new UnauthorizedException('Invalid username or password');
    return pair;
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    let reusedBy: string | undefined;
    const outcome = await this.tx.run(async (em) => {
      const row = await em.findOne(RefreshToken, {
        where: { tokenHash: TokenService.hashRefresh(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return 'invalid' as const;
      if (row.revokedAt) {
        if (row.revokedReason === 'rotated') {
          // A rotated token used again means it was copied: end the whole session family.
          await this.revokeFamily(em, row.familyId, 'reuse-detected');
          await this.audit.record(em, { action: 'auth.refresh_reuse_detected', entityType: 'user', entityId: row.userId });
          reusedBy = row.userId;
        }
        return 'invalid' as const;
      }
      if (row.expiresAt <= new Date()) return 'invalid' as const;
      const user = await em.findOne(User, { where: { id: row.userId } });
      if (!user || !user.isActive) return 'invalid' as const;
      const pair = await this.issue(em, user, row.familyId);
      const next = await em.findOneOrFail(RefreshToken, { where: { tokenHash: TokenService.hashRefresh(pair.refreshToken) } });
      await em.update(RefreshToken, row.id, { revokedAt: new Date(), revokedReason: 'rotated', replacedBy: next.id });
      return pair;
    });
    // The family's access tokens stop at once here too, not after the session check's memory.
    if (reusedBy) this.sessions.forget(reusedBy);
    if (outcome === 'invalid') throw new UnauthorizedException('Refresh token is invalid, expired or revoked');
    return outcome;
  }

  /** Ends the session: its refresh tokens, and the access tokens issued with them (SessionCheck). */
  async logout(refreshToken: string): Promise<void> {
    const userId = await this.tx.run(async (em) => {
      const row = await em.findOne(RefreshToken, { where: { tokenHash: TokenService.hashRefresh(refreshToken) } });
      if (!row) return null;
      await this.revokeFamily(em, row.familyId, 'logout');
      await this.audit.record(em, { action: 'auth.logout', entityType: 'user', entityId: row.userId });
      return row.userId;
    });
    if (userId) this.sessions.forget(userId);
  }

  /** The account's sessions still alive (a refresh token neither revoked nor expired), last used first. */
  async sessionsOf(userId: string): Promise<LoginSession[]> {
    const rows: Array<{ family_id: string; started_at: Date; last_used_at: Date; ip: string | null; expires_at: Date }> = await this.tx.run((em) =>
      em.query(
        `SELECT family_id, min(created_at) AS started_at, max(created_at) AS last_used_at,
                (array_agg(ip ORDER BY created_at DESC))[1] AS ip, max(expires_at) AS expires_at
           FROM refresh_token
          WHERE user_id = $1
          GROUP BY family_id
         HAVING bool_or(revoked_at IS NULL AND expires_at > now())
          ORDER BY last_used_at DESC`,
        [userId],
      ),
    );
    return rows.map((r) => ({ id: r.family_id, startedAt: r.started_at, lastUsedAt: r.last_used_at, ip: r.ip, expiresAt: r.expires_at }));
  }

  /** Ends one of the account's own sessions ("not me": a browser left logged in elsewhere). */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    const found = await this.tx.run(async (em) => {
      const live: unknown[] = await em.query(
        `SELECT 1 FROM refresh_token WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL AND expires_at > now() LIMIT 1`,
        [userId, sessionId],
      );
      if (live.length === 0) return false;
      await this.revokeFamily(em, sessionId, 'revoked-by-owner');
      await this.audit.record(em, { action: 'auth.session_revoked', entityType: 'user', entityId: userId, diff: { session: sessionId } });
      return true;
    });
    if (!found) throw new NotFoundException('No such live session of yours');
    this.sessions.forget(userId);
  }

  async changePassword(userId: string, current: string, next: string): Promise<TokenPair> {
    const pair = await this.tx.run(async (em) => {
      const user = await em
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .where('u.id = :userId', { userId })
        .setLock('pessimistic_write')
        .getOneOrFail();
      if (!(await this.passwords.verify(user.passwordHash, current))) {
        throw new UnauthorizedException('Current password is wrong');
      }
      const unit = await em.findOneOrFail(Unit, { where: { id: user.unitId } });
      const problem = passwordProblem(next, {
        username: user.username,
        names: [user.displayNameEn, user.displayNameHi, user.rank, unit.code, unit.nameEn, unit.nameHi],
      });
      if (problem) throw fieldError('newPassword', `newPassword ${problem}`);
      if (await this.passwords.verify(user.passwordHash, next)) {
        throw fieldError('newPassword', 'newPassword must differ from the current password');
      }
      await em.update(User, user.id, {
        passwordHash: await this.passwords.hash(next),
        mustChangePassword: false,
        passwordChangedAt: new Date(),
      });
      await em.increment(User, { id: user.id }, 'version', 1);
      const sessionVersion = await this.revokeAllSessions(em, user.id, 'password-changed');
      await this.audit.record(em, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
      return this.issue(em, { ...user, mustChangePassword: false, sessionVersion }, randomUUID());
    });
    this.sessions.forget(userId);
    return pair;
  }

  /**
   * Ends every session of the account: its refresh tokens are revoked and its session version
   * raised, so access tokens already handed out stop working too. Returns the new version.
   * Call `sessions.forget(userId)` (SessionCheck) after the transaction commits.
   */
  async revokeAllSessions(em: EntityManager, userId: string, reason: string): Promise<number> {
    await em
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    await em.query(`UPDATE app_user SET session_version = session_version + 1 WHERE id = $1`, [userId]);
    const [row]: Array<{ session_version: number }> = await em.query(`SELECT session_version FROM app_user WHERE id = $1`, [userId]);
    return row!.session_version;
  }

  private async revokeFamily(em: EntityManager, familyId: string, reason: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  private async issue(em: EntityManager, user: User, familyId: string): Promise<TokenPair> {
    const unit = await em.findOneOrFail(Unit, { where: { id: user.unitId } });
    const accessToken = this.tokens.signAccess({
      sub: user.id,
      username: user.username,
      roles: user.roles,
      unitId: user.unitId,
      unitPath: unit.path,
      ...(user.mustChangePassword ? { pwc: true } : {}),
      sv: user.sessionVersion,
      sid: familyId,
    });
    const refresh = this.tokens.newRefreshToken();
    await em.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.tokens.refreshTtlMs),
      ip: RequestContext.get().ip ?? null,
    });
    return {
      userId: user.id,
      accessToken,
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
