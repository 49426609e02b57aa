import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Role } from './roles';

export interface AccessClaims {
  sub: string;
  username: string;
  roles: Role[];
  unitId: string;
  unitPath: string;
  /** Set while a one-time password has not been replaced. */
  pwc?: boolean;
  /** The account's session version when the token was issued (see SessionCheck). */
  sv: number;
  /** The session: the refresh-token family the token was issued with. */
  sid: string;
}

/** What a verified access token holds beyond the claims we put in. */
export interface VerifiedAccessClaims extends AccessClaims {
  exp: number;
  iat: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccess(claims: AccessClaims): string {
    return this.jwt.sign(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
  }

  /**
   * Verifies signature, issuer and expiry. A token without `exp` is refused although
   * jsonwebtoken would accept it (it then never expires), and so is one without the session
   * claims (issued before they existed, or not by us).
   */
  verifyAccess(token: string): VerifiedAccessClaims {
    const claims = this.jwt.verify<Partial<VerifiedAccessClaims>>(token);
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw new Error('access token has no expiry');
    if (!Number.isInteger(claims.sv) || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
      throw new Error('access token has no session');
    }
    return claims as VerifiedAccessClaims;
  }

  /** An opaque refresh token; only its sha256 is stored. */
  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  get accessTtlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  get refreshTtlMs(): number {
    return this.config.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000;
  }
}
