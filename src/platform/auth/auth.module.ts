import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { createSecretKey } from 'node:crypto';
import { resolveSecret } from '../../config/secrets';
import { AuthController } from './auth.controller';
import { BrowserSessionController } from './browser-session.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { FirstRunService } from './first-run.service';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';
import { RouteSecurityCheck } from './route-security.check';
import { SessionCheck } from './session-check';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to read
        // it as a public key on every verification, about half a millisecond of CPU per request.
        secret: createSecretKey(Buffer.from(resolveSecret('jwt-secret', config.JWT_SECRET, config.DATA_DIR))) as unknown as string,
        signOptions: { algorithm: 'HS256', issuer: 'police-ops' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'police-ops' },
      }),
    }),
  ],
  controllers: [AuthController, BrowserSessionController, UsersController],
  providers: [
    AuthService,
    UsersService,
    PasswordService,
    TokenService,
    SessionCheck,
    LoginThrottle,
    FirstRunService,
    RouteSecurityCheck,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, SessionCheck, UsersService, PasswordService, AuthService],
})
export class AuthModule {}
