import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BULL_BOARD_PATH } from '../queue/bull-board';
import { bearerToken } from './auth.guard';
import { TokenService } from './token.service';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Actor } from '../context/request-context';
import { ChangePasswordDto, LoginDto, RefreshDto } from './auth.dto';
import { AuthService } from './auth.service';
import { AllowPendingPasswordChange, CurrentActor, Public, Roles } from './decorators';
import { ROLES } from './roles';
import { UsersService } from './users.service';
import { LoginSessionView, TokenPairView, UserView } from './auth.view';
import { uuidParam } from '../http/field-error';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
  ) {}

  /** Per-IP throttle on top of the per-account lockout. */
  @Public()
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  async login(@Body() dto: LoginDto): Promise<TokenPairView> {
    return TokenPairView.from(await this.auth.login(dto.username, dto.password));
  }

  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  async refresh(@Body() dto: RefreshDto): Promise<TokenPairView> {
    return TokenPairView.from(await this.auth.refresh(dto.refreshToken));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @Post('change-password')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<TokenPairView> {
    return TokenPairView.from(await this.auth.changePassword(actor.id, dto.currentPassword, dto.newPassword));
  }

  /**
   * A browser cannot send a bearer header when it opens /admin/queues; this puts the admin's
   * current access token in an HttpOnly cookie scoped to that path, for as long as it lives.
   */
  @ApiBearerAuth()
  @Roles('ADMIN')
  @Post('queue-board-session')
  @HttpCode(204)
  queueBoardSession(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    res.cookie('po_board', bearerToken(req) ?? '', {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: BULL_BOARD_PATH,
      maxAge: this.tokens.accessTtlSeconds * 1000,
    });
  }

  @ApiBearerAuth()
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @Get('me')
  @ApiOkResponse({ type: UserView })
  async me(@CurrentActor() actor: Actor): Promise<UserView> {
    return UserView.from(await this.users.get(actor.id));
  }

  /** "My sessions": where this account is logged in. */
  @ApiBearerAuth()
  @Roles(...ROLES)
  @Get('sessions')
  @ApiOkResponse({ type: [LoginSessionView] })
  async sessions(@CurrentActor() actor: Actor): Promise<LoginSessionView[]> {
    return (await this.auth.sessionsOf(actor.id)).map((s) => LoginSessionView.from({ ...s, current: s.id === actor.sessionId }));
  }

  /** Ends one of the caller's own sessions; its access tokens stop working too. */
  @ApiBearerAuth()
  @Roles(...ROLES)
  @Post('sessions/:id/revoke')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revokeSession(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.auth.revokeSession(actor.id, id);
  }
}
