import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import { Role, ROLES } from './roles';

export class TokenPairView extends ResponseView {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ description: 'Seconds the access token lives' }) expiresIn!: number;
  @ApiProperty() mustChangePassword!: boolean;
}

/** One of the user's own login sessions (a browser or client that logged in). */
export class LoginSessionView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'When it logged in' }) startedAt!: Date;
  @ApiProperty({ description: 'Its latest login or token refresh' }) lastUsedAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: 'The address of its latest refresh' }) ip!: string | null;
  @ApiProperty({ description: 'When it ends unless refreshed' }) expiresAt!: Date;
  @ApiProperty({ description: 'The session this request was made with' }) current!: boolean;
}

/** A login account as admins and its owner see it; never its password hash. */
export class UserView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayNameEn!: string;
  @ApiProperty() displayNameHi!: string;
  @ApiProperty() rank!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ type: Date, nullable: true }) passwordChangedAt!: Date | null;
  @ApiProperty({ description: 'Failed logins in a row, from any address' }) failedLoginCount!: number;
  @ApiProperty() isActive!: boolean;
  @ApiProperty() isDemo!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** The browser app's session answer: the refresh token went into the HttpOnly cookie, not here. */
export class BrowserSessionView extends ResponseView {
  @ApiProperty({ description: 'Keep in memory only' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ description: 'Seconds the access token lives' }) expiresIn!: number;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ type: () => UserView, description: 'Who is logged in, as GET /auth/me answers: the app needs no second call to start' })
  me!: UserView;
}

export class OneTimePasswordView extends ResponseView {
  @ApiProperty({ description: 'Shown once; the user must change it at first login' })
  oneTimePassword!: string;
}

export class NewAccountView extends OneTimePasswordView {
  @ApiProperty() user!: UserView;
}
