import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

/**
 * Every setting the app reads, with its default. Validated once at boot: a bad value stops
 * the start with a message naming the variable (see loadConfig). The README table is
 * generated from the same names, so keep the descriptions in `ENV_DOCS` in step.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  BASE_URL?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 7;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCK_MINUTES = 15;

  @IsOptional()
  @Matches(/^\d+(kb|mb)$/i, { message: 'must look like 512kb or 1mb' })
  JSON_BODY_LIMIT = '1mb';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  RATE_LIMIT_PER_MINUTE = 600;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  DB_POOL_SIZE = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  HOUSEKEEPING_INTERVAL_SECONDS = 3600;
}

/** One line per variable for the README table and `--help`-style errors. */
export const ENV_DOCS: Record<keyof EnvironmentVariables, string> = {
  NODE_ENV: '`development`, `production` or `test`.',
  DATABASE_URL:
    'PostgreSQL server to use. Unset: an embedded PostgreSQL is started with its data in `DATA_DIR/pg`.',
  REDIS_URL: 'Run the BullMQ queues on this Redis. Unset: queues run on PostgreSQL (schema `bullmq`).',
  DATA_DIR: 'Folder for the embedded database, generated secrets and the first-run admin password.',
  PORT: 'HTTP port.',
  HOST: 'Interface to listen on.',
  BASE_URL: 'Public URL of this app, used in verify links and SMS. Default `http://localhost:PORT`.',
  LOG_LEVEL: 'pino level.',
  JWT_SECRET:
    'Secret for access tokens (≥32 chars). Unset: generated once into `DATA_DIR/secrets/jwt-secret`. Set it when several instances share a database.',
  ACCESS_TOKEN_TTL_SECONDS: 'Access-token lifetime.',
  REFRESH_TOKEN_TTL_DAYS: 'Refresh-token lifetime; each use rotates it.',
  LOGIN_MAX_FAILURES: 'Failed logins in a row before the account is locked.',
  LOGIN_LOCK_MINUTES: 'How long a locked account stays locked.',
  JSON_BODY_LIMIT: 'Largest accepted JSON body.',
  TRUST_PROXY: 'Trust X-Forwarded-For (behind a reverse proxy) for the client IP in the audit log.',
  RATE_LIMIT_PER_MINUTE: 'Requests per minute per client IP across the API.',
  DB_POOL_SIZE: 'PostgreSQL connections per app instance.',
  HOUSEKEEPING_INTERVAL_SECONDS: 'How often the housekeeping job purges expired tokens and idempotency keys.',
};
