import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Actor, RequestContext } from '../context/request-context';
import { ALLOW_PENDING_PASSWORD_CHANGE, IS_PUBLIC, ROLES_KEY } from './decorators';
import { Role } from './roles';
import { SessionCheck } from './session-check';

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/**
 * Global guard: every route needs a valid access token and one of the roles it declares,
 * unless it is marked @Public(). Routes that declare neither are refused at boot
 * (see RouteSecurityCheck), so a forgotten decorator cannot open a hole.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = bearerToken(req);
    if (!token) throw new UnauthorizedException('Authentication required: send Authorization: Bearer <token>');
    // Signature, expiry and a current session: logged out, password changed, deactivated or
    // roles changed since the token was issued, it no longer works.
    const claims = await this.sessions.verify(token);
    if (!claims) throw new UnauthorizedException('Access token is invalid or expired');
    const actor: Actor = {
      id: claims.sub,
      username: claims.username,
      roles: claims.roles,
      unitId: claims.unitId,
      unitPath: claims.unitPath,
      sessionId: claims.sid,
    };
    req.actor = actor;
    RequestContext.setActor(actor);

    if (claims.pwc && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_CHANGE, targets)) {
      throw new ForbiddenException('Password change required: POST /api/v1/auth/change-password first');
    }
    const required = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!required.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException(`This action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
