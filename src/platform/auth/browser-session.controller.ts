import { Body, Controller, HttpCode, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Actor } from '../context/request-context';
import { ChangePasswordDto, LoginDto } from './auth.dto';
import { AuthService, TokenPair } from './auth.service';
import { BrowserSessionView, UserView } from './auth.view';
import {
  assertSameOriginApp,
  clearSessionCookie,
  CSRF_HEADER_VALUE,
  readSessionCookie,
  SESSION_COOKIE,
  setSessionCookie,
} from './browser-session';
import { AllowPendingPasswordChange, CurrentActor, Public, Roles } from './decorators';
import { ROLES } from './roles';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

const csrfHeader = () =>
  ApiHeader({ name: 'X-Requested-With', required: true, schema: { type: 'string', enum: [CSRF_HEADER_VALUE] }, description: 'CSRF defence: the browser app sends it; another site cannot' });

/**
 * The browser app's session routes: the same logins and tokens as /auth/login, /auth/refresh
 * and /auth/logout (which API clients keep using with the refresh token in the body), with the
 * refresh token in an HttpOnly cookie scoped to this path instead of the answer.
 */
@ApiTags('auth')
@Controller('auth/session')
export class BrowserSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Log in from the browser. A session this browser still had ends first. */
  @Public()
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post()
  @HttpCode(200)
  @csrfHeader()
  @ApiOkResponse({ type: BrowserSessionView, description: `Sets the ${SESSION_COOKIE} cookie (HttpOnly, SameSite=Strict)` })
  async login(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() dto: LoginDto): Promise<BrowserSessionView> {
    assertSameOriginApp(req, this.config.web.origin);
    const pair = await this.auth.login(dto.username, dto.password);
    const previous = readSessionCookie(req);
    if (previous) await this.auth.logout(previous);
    return this.answer(res, pair);
  }

  /** A new access token for the cookie's session; the cookie is rotated. */
  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @Post('refresh')
  @HttpCode(200)
  @csrfHeader()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOkResponse({ type: BrowserSessionView })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<BrowserSessionView> {
    assertSameOriginApp(req, this.config.web.origin);
    const token = readSessionCookie(req);
    if (!token) throw new UnauthorizedException('No session: log in');
    try {
      return this.answer(res, await this.auth.refresh(token));
    } catch (e) {
      if (e instanceof UnauthorizedException) clearSessionCookie(res, this.config.web.https);
      throw e;
    }
  }

  /** Ends the cookie's session (its access tokens stop working too) and clears the cookie. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @csrfHeader()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    assertSameOriginApp(req, this.config.web.origin);
    const token = readSessionCookie(req);
    if (token) await this.auth.logout(token);
    clearSessionCookie(res, this.config.web.https);
  }

  /** POST /auth/change-password for the browser: every session ends, this one continues on a new cookie. */
  @ApiBearerAuth()
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @Post('password')
  @HttpCode(200)
  @csrfHeader()
  @ApiOkResponse({ type: BrowserSessionView })
  async changePassword(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
  ): Promise<BrowserSessionView> {
    assertSameOriginApp(req, this.config.web.origin);
    return this.answer(res, await this.auth.changePassword(actor.id, dto.currentPassword, dto.newPassword));
  }

  private async answer(res: Response, pair: TokenPair): Promise<BrowserSessionView> {
    setSessionCookie(res, pair.refreshToken, this.config.web.https, this.tokens.refreshTtlMs);
    return BrowserSessionView.from({
      accessToken: pair.accessToken,
      tokenType: pair.tokenType,
      expiresIn: pair.expiresIn,
      mustChangePassword: pair.mustChangePassword,
      me: UserView.from(await this.users.get(pair.userId)),
    });
  }
}
