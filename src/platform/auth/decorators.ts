import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor } from '../context/request-context';
import { Role } from './roles';

export const IS_PUBLIC = 'isPublic';
export const ROLES_KEY = 'roles';
export const ALLOW_PENDING_PASSWORD_CHANGE = 'allowPendingPasswordChange';

/** No authentication: health and public document verification only. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Which roles may call the route. Every non-public route must say. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Routes a user may call before replacing a one-time password. */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});
