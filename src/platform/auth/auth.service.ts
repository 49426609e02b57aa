import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../context/request-context';
import { TransactionService } from '../database/transaction.service';
import { fieldError } from '../http/field-error';
import { Unit } from '../units/unit.entity';
import { passwordProblems, PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.entity';
import { TokenService } from './token.service';
import { User } from './user.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  mustChangePassword: boolean;
}

/** Hash of a random password, so unknown usernames cost the same time as wrong passwords. */
let dummyHash: Promise<string> | undefined;

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<TokenPair> {
    return this.tx.run(async (em) => {
      const user = await em
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .where('lower(u.username) = lower(:username)', { username })
        .setLock('pessimistic_write')
        .getOne();
      if (!user || !user.isActive) {
        dummyHash ??= this.passwords.hash(this.passwords.generate());
        await this.passwords.verify(await dummyHash, password);
        throw new UnauthorizedException('Invalid username or password');
      }
      RequestContext.setActor({ id: user.id, username: user.username, roles: user.roles, unitId: user.unitId, unitPath: '' });
      if (user.lockedUntil && user.lockedUntil > new Date()) throw this.lockedError(user.lockedUntil);

      if (!(await this.passwords.verify(user.passwordHash, password))) {
        await this.recordFailure(em, user);
        // Commit the failure count even though the request fails.
        return null;
      }
      await em.update(User, user.id, { failedLoginCount: 0, lockedUntil: null });
      await this.audit.record(em, { action: 'auth.login', entityType: 'user', entityId: user.id });
      return this.issue(em, user, randomUUID());
    }).then((pair) => {
      if (!pair) throw new UnauthorizedException('Invalid username or password');
      return pair;
    });
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
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
    if (outcome === 'invalid') throw new UnauthorizedException('Refresh token is invalid, expired or revoked');
    return outcome;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tx.run(async (em) => {
      const row = await em.findOne(RefreshToken, { where: { tokenHash: TokenService.hashRefresh(refreshToken) } });
      if (!row) return;
      await this.revokeFamily(em, row.familyId, 'logout');
      await this.audit.record(em, { action: 'auth.logout', entityType: 'user', entityId: row.userId });
    });
  }

  async changePassword(userId: string, current: string, next: string): Promise<TokenPair> {
    return this.tx.run(async (em) => {
      const user = await em
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .where('u.id = :userId', { userId })
        .setLock('pessimistic_write')
        .getOneOrFail();
      if (!(await this.passwords.verify(user.passwordHash, current))) {
        throw new UnauthorizedException('Current password is wrong');
      }
      const problem = passwordProblems(next, user.username);
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
      await this.revokeAllSessions(em, user.id, 'password-changed');
      await this.audit.record(em, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
      return this.issue(em, { ...user, mustChangePassword: false }, randomUUID());
    });
  }

  async revokeAllSessions(em: EntityManager, userId: string, reason: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  private async revokeFamily(em: EntityManager, familyId: string, reason: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  private async recordFailure(em: EntityManager, user: User): Promise<void> {
    const failures = user.failedLoginCount + 1;
    if (failures >= this.config.LOGIN_MAX_FAILURES) {
      const lockedUntil = new Date(Date.now() + this.config.LOGIN_LOCK_MINUTES * 60_000);
      await em.update(User, user.id, { failedLoginCount: 0, lockedUntil });
      await this.audit.record(em, {
        action: 'auth.account_locked',
        entityType: 'user',
        entityId: user.id,
        diff: { lockedUntil: lockedUntil.toISOString(), failures },
      });
    } else {
      await em.update(User, user.id, { failedLoginCount: failures });
      await this.audit.record(em, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, diff: { failures } });
    }
  }

  private lockedError(until: Date): HttpException {
    return new HttpException(
      `Account locked after repeated failed logins; try again after ${until.toISOString()}`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
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
      accessToken,
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
