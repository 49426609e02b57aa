import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { BHOPAL_BOUNDS, formatBounds } from '../platform/geo/bounds';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toNumber = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\s*\d+(\.\d+)?\s*$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};
/** A hop count or a list of proxy addresses; text that is neither stays text, for the message. */
const toTrustProxy = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return value;
  const parsed = parseTrustProxy(value);
  return 'value' in parsed ? parsed.value : value;
};
const IsTrustProxy = () =>
  ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) => value === false || Number.isInteger(value) || Array.isArray(value),
      defaultMessage: (args) => {
        const parsed = typeof args?.value === 'string' ? parseTrustProxy(args.value) : undefined;
        return parsed && 'problem' in parsed ? parsed.problem : 'must be false, a number of proxy hops or a list of proxy addresses';
      },
    },
  });

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
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_APP_URL?: string;

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
  @IsIn(['public', 'login'])
  API_DOCS?: 'public' | 'login';

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
  @Min(0)
  @Max(60)
  ACCESS_TOKEN_RECHECK_SECONDS = 5;

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
  @Transform(toTrustProxy)
  @IsTrustProxy()
  TRUST_PROXY: TrustProxy = false;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  RATE_LIMIT_PER_MINUTE = 600;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  IDEMPOTENCY_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  RATE_LIMIT_PER_LINK_PER_MINUTE = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  RATE_LIMIT_LINKS_PER_IP_PER_MINUTE = 2000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  DB_POOL_SIZE = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  @Max(600_000)
  DB_STATEMENT_TIMEOUT_MS = 5000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  HOUSEKEEPING_INTERVAL_SECONDS = 3600;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(36_500)
  RETENTION_PROTEST_DAYS = 365;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(36_500)
  RETENTION_VERIFICATION_DAYS = 365;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(36_500)
  RETENTION_DAK_DAYS = 1095;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(7)
  @Max(36_500)
  RETENTION_NOTIFICATION_DAYS = 90;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  RETENTION_PURGE = false;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(604_800)
  RETENTION_INTERVAL_SECONDS = 86_400;

  @IsOptional()
  @Matches(/^\s*-?\d+(\.\d+)?\s*(,\s*-?\d+(\.\d+)?\s*){3}$/, { message: 'must be four numbers: minLat,minLng,maxLat,maxLng' })
  COMMISSIONERATE_BOUNDS = formatBounds(BHOPAL_BOUNDS);

  @IsOptional()
  @Matches(/^(?=.*\{z\})(?=.*\{x\})(?=.*\{y\})https?:\/\/[^/\s?#]+\/\S*$/, {
    message: 'must be an http(s) tile URL with {z}, {x} and {y}, e.g. https://tiles.example.in/{z}/{x}/{y}.png',
  })
  MAP_TILE_URL?: string;

  @IsOptional()
  @IsString()
  MAP_TILE_ATTRIBUTION?: string;

  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours' })
  @IsPositive()
  @Max(24 * 30)
  PROTEST_LEAD_TIME_HOURS = 48;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of metres' })
  @Min(1)
  @Max(50_000)
  PROTEST_CLASH_DISTANCE_METRES = 500;

  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours' })
  @IsPositive()
  @Max(24 * 30)
  PROTEST_SLA_HOURS = 24;

  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours' })
  @IsPositive()
  @Max(24 * 30)
  PROTEST_MAX_DURATION_HOURS = 24;

  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'must look like 22:00-06:00 (IST, from-to)' })
  PROTEST_LOUDSPEAKER_QUIET_HOURS = '22:00-06:00';

  @IsOptional()
  @Matches(/^\s*(SELF|EMPLOYMENT|TENANT|DOMESTIC_HELP|PASSPORT)\s*=\s*([1-9]\d{0,2})\s*(,\s*(SELF|EMPLOYMENT|TENANT|DOMESTIC_HELP|PASSPORT)\s*=\s*([1-9]\d{0,2})\s*)*$/, {
    message: 'must look like SELF=45,EMPLOYMENT=45,TENANT=45,DOMESTIC_HELP=45,PASSPORT=21 (purpose=days, 1-999)',
  })
  VERIFICATION_LIMIT_DAYS = 'SELF=45,EMPLOYMENT=45,TENANT=45,DOMESTIC_HELP=45,PASSPORT=21';

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(365)
  VERIFICATION_WARNING_DAYS_LEFT = 15;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  VERIFICATION_ESCALATION_INTERVAL_SECONDS = 3600;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of months' })
  @Min(1)
  @Max(60)
  VERIFICATION_CERTIFICATE_VALID_MONTHS = 6;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(365)
  VERIFICATION_FIRST_APPEAL_LIMIT_DAYS = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(365)
  VERIFICATION_SECOND_APPEAL_LIMIT_DAYS = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(365)
  VERIFICATION_APPEAL_WARNING_DAYS_LEFT = 7;

  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'must be a unit code, e.g. BPL_CONTROL_ROOM' })
  DAK_CLERK_UNIT?: string;

  @IsOptional()
  @Matches(/^\s*(IMMEDIATE|URGENT|NORMAL)\s*=\s*([1-9]\d{0,2})\s*(,\s*(IMMEDIATE|URGENT|NORMAL)\s*=\s*([1-9]\d{0,2})\s*)*$/, {
    message: 'must look like IMMEDIATE=1,URGENT=3,NORMAL=7 (priority=days, 1-999)',
  })
  DAK_DUE_DAYS = 'IMMEDIATE=1,URGENT=3,NORMAL=7';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  DUTY_SLIP_LINK_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(1)
  @Max(24 * 90)
  DUTY_SLIP_LINK_GRACE_HOURS = 48;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DUTY_CHART_SOLVE_IN_THREAD = true;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1)
  @Max(3600)
  DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS = 60;

  @IsOptional()
  @IsIn(['concentrated', 'spread'])
  DUTY_CHART_SHORTFALLS: 'concentrated' | 'spread' = 'concentrated';

  @IsOptional()
  @IsIn(['hi', 'en', 'bi'])
  DUTY_SMS_LANGUAGE: 'hi' | 'en' | 'bi' = 'hi';

  @IsOptional()
  @IsIn(['sink', 'http'])
  NOTIFY_SMS_ADAPTER: 'sink' | 'http' = 'sink';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  NOTIFY_SMS_URL?: string;

  @IsOptional()
  @IsString()
  NOTIFY_SMS_TOKEN?: string;

  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/, { message: 'must be an Ed25519 private key in PEM (PKCS#8)' })
  DOCUMENT_SIGNING_KEY?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  PDF_WARM_UP = true;

  @IsOptional()
  @IsIn(['simulator', 'http', 'email'])
  EOFFICE_ADAPTER: 'simulator' | 'http' | 'email' = 'simulator';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  EOFFICE_URL = 'http://127.0.0.1:4600';

  @IsOptional()
  @IsString()
  EOFFICE_TOKEN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300000)
  EOFFICE_TIMEOUT_MS = 10000;

  @IsOptional()
  @IsString()
  EOFFICE_SMTP_HOST?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EOFFICE_SMTP_PORT = 587;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  EOFFICE_SMTP_SECURE = false;

  @IsOptional()
  @IsString()
  EOFFICE_SMTP_USER?: string;

  @IsOptional()
  @IsString()
  EOFFICE_SMTP_PASSWORD?: string;

  @IsOptional()
  @IsString()
  EOFFICE_MAILBOX?: string;

  @IsOptional()
  @IsString()
  EOFFICE_MAIL_FROM = 'police-ops <no-reply@localhost>';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  EOFFICE_BREAKER_FAILURES = 5;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  EOFFICE_PROBE_INTERVAL_SECONDS = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  EOFFICE_DRAIN_PER_SECOND = 50;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  EOFFICE_CONCURRENCY = 8;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  EOFFICE_MAX_ATTEMPTS = 50;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  EOFFICE_DISPATCH_INTERVAL_MS = 1000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  EOFFICE_RECONCILE_INTERVAL_SECONDS = 60;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EOFFICE_SIM_PORT = 4600;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EOFFICE_SIM_ADMIN_PORT = 4601;

  @IsOptional()
  @IsString()
  EOFFICE_SIM_HOST = '127.0.0.1';

  @IsOptional()
  @IsString()
  EOFFICE_SIM_TOKEN?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/, { message: 'must be a host name or address, e.g. imap.example.gov.in' })
  DAK_IMAP_HOST?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  DAK_IMAP_PORT = 993;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DAK_IMAP_SECURE = true;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DAK_IMAP_USER?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DAK_IMAP_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DAK_IMAP_MAILBOX = 'INBOX';

  @IsOptional()
  @IsString()
  @MinLength(1)
  DAK_IMAP_DONE_MAILBOX?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(5)
  @Max(86400)
  DAK_IMAP_POLL_SECONDS = 60;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of megabytes' })
  @Min(1)
  @Max(200)
  DAK_IMAP_MAX_MESSAGE_MB = 25;
}

/** One line per variable for the README table and `--help`-style errors. */
export const ENV_DOCS: Record<keyof EnvironmentVariables, string> = {
  NODE_ENV: '`development`, `production` or `test`.',
  DATABASE_URL:
    'PostgreSQL server to use. Unset: an embedded PostgreSQL is started with its data in `DATA_DIR/pg` (development and test only; required in production).',
  DATABASE_APP_URL:
    'The role the running app connects as (no DDL; INSERT and SELECT only on the audit trail); `DATABASE_URL` is then the owner that runs migrations and grants. Unset: derived as `<owner>_app` when the owner may create roles (the embedded server does), else the app runs as the owner with a warning (refused in production).',
  REDIS_URL: 'Run the BullMQ queues on this Redis. Unset: queues run on PostgreSQL (schema `bullmq`).',
  DATA_DIR: 'Folder for the embedded database, generated secrets and the first-run admin password.',
  PORT: 'HTTP port.',
  HOST: 'Interface to listen on.',
  BASE_URL: 'Public URL of this app, used in verify links and SMS. Default `http://localhost:PORT`.',
  LOG_LEVEL: 'pino level.',
  API_DOCS:
    'Who may read the OpenAPI UI (`/api/docs`) and document (`/api/docs-json`): `public`, or `login` (a valid access token of any role). Unset: `login` when NODE_ENV=production, else `public` (the web app\'s build reads `/api/docs-json` from a development instance).',
  JWT_SECRET:
    'Secret for access tokens (≥32 chars). Unset: generated once into `DATA_DIR/secrets/jwt-secret`. Set it when several instances share a database.',
  ACCESS_TOKEN_TTL_SECONDS: 'Access-token lifetime.',
  ACCESS_TOKEN_RECHECK_SECONDS:
    'How long an instance trusts its last look at a token\'s account and session (active, session version, not logged out) before reading them again. Changes apply at once on the instance that made them, on other instances within this time; `0` reads on every request.',
  REFRESH_TOKEN_TTL_DAYS: 'Refresh-token lifetime; each use rotates it.',
  LOGIN_MAX_FAILURES:
    'Failed logins in a row for one username from one client address before each further attempt from there must wait a growing delay (1 s, 2 s, 4 s, …). Nobody is locked out: other addresses are not slowed, and attempts inside the delay are answered like a wrong password.',
  LOGIN_LOCK_MINUTES: 'The longest such delay between attempts, in minutes.',
  JSON_BODY_LIMIT: 'Largest accepted JSON body.',
  TRUST_PROXY:
    'Which proxies in front of the app may name the client in X-Forwarded-For (the IP in the audit log and the key of the rate limits): their number (`1`: one reverse proxy, whose last hop is the client) or their addresses or CIDRs, comma-separated (`10.0.0.5,10.0.1.0/24`; also `loopback`, `linklocal`, `uniquelocal`). `false`: the connecting address is the client. `true` (trust any) is refused: every client could forge its address.',
  RATE_LIMIT_PER_MINUTE: 'Requests per minute per client IP across the API; signed links have the two limits below instead.',
  RATE_LIMIT_PER_LINK_PER_MINUTE:
    'Requests per minute to one signed link (an officer\'s duty slip page and its PDF together), from whatever address.',
  RATE_LIMIT_LINKS_PER_IP_PER_MINUTE:
    'Requests per minute per client IP to signed links, all links together: generous, since a police station\'s officers share one address at shift change; a ceiling against scraping.',
  IDEMPOTENCY_SECRET:
    'Key (≥32 chars) that encrypts the answers kept 24 h for `Idempotency-Key` replays. Unset: generated once into `DATA_DIR/secrets/idempotency-secret`. Share it between instances.',
  METRICS_TOKEN:
    'Bearer token (≥24 chars) Prometheus sends to scrape `GET /metrics` (README "Metrics"). Unset: metrics are off and `/metrics` answers 404.',
  DB_POOL_SIZE: 'PostgreSQL connections per app instance.',
  DB_STATEMENT_TIMEOUT_MS:
    'Longest a single SQL statement of the running app may take before PostgreSQL cancels it and the request answers 503 (the migrations have no limit), so one heavy request cannot hold the pool.',
  HOUSEKEEPING_INTERVAL_SECONDS: 'How often the housekeeping job purges expired tokens and idempotency keys.',
  RETENTION_PROTEST_DAYS:
    'Days after a protest event ends that its applicant\'s personal data is kept (names, address, mobile, ID digits, vehicle details, attachments, the papers\' bytes, the SMS). README "Retention".',
  RETENTION_VERIFICATION_DAYS:
    'Days after a character verification\'s last change, once decided (signed off, appeal decided, certificate withdrawn) with no appeal open, that the applicant\'s personal data is kept.',
  RETENTION_DAK_DAYS:
    'Days after a dak receipt is closed that its sender\'s personal data is kept (the sender\'s name, remarks, scans, the replies\' recipient and text and their papers\' bytes, the e-mail\'s sender and subject). The register entry stays.',
  RETENTION_NOTIFICATION_DAYS: 'Days an SMS or e-mail, once sent or given up, keeps its number or address and its text.',
  RETENTION_PURGE:
    '`true`: the retention job purges what is due. `false` (default): it only writes its dry-run report to the audit log, for an administrator to read before turning purging on (`npm run purge -- --dry-run` shows the same).',
  RETENTION_INTERVAL_SECONDS: 'How often the retention job runs (default daily).',
  COMMISSIONERATE_BOUNDS:
    'The commissionerate as a box, `minLat,minLng,maxLat,maxLng` (degrees). Every venue, route, VIP leg and bandobast point must lie inside it, and one that looks like lat and lng swapped is refused. Default: Bhopal\'s thanas with about 6 km of margin.',
  MAP_TILE_URL:
    'Tile server for the web app\'s maps, as a Leaflet URL template with `{z}`, `{x}`, `{y}` (and optionally `{s}`), e.g. `https://tiles.example.in/{z}/{x}/{y}.png`; its host is added to the Content-Security-Policy\'s `img-src`. Unset: maps draw thanas, venues, routes and circles over a plain background with a scale bar (air-gapped control rooms).',
  MAP_TILE_ATTRIBUTION: 'The tile server\'s attribution line, shown on the map (e.g. `© OpenStreetMap contributors`). Only used with `MAP_TILE_URL`.',
  PROTEST_LEAD_TIME_HOURS: 'Protest applications received less than this many hours before the start are flagged late; approving one needs an override reason (Bhopal: 48).',
  PROTEST_CLASH_DISTANCE_METRES: 'Events (and VIP legs) closer than this to a protest venue or route are shown as clashes.',
  PROTEST_SLA_HOURS: 'An application still undecided this close to its start is flagged.',
  PROTEST_MAX_DURATION_HOURS: 'Longest continuous programme (Standing Order L&O/48/2022: one day).',
  PROTEST_LOUDSPEAKER_QUIET_HOURS: 'No loudspeaker in this IST window (Noise Rules 2000, r.5).',
  VERIFICATION_LIMIT_DAYS:
    'Days from receipt within which a character verification must be decided, per purpose (Lok Seva Guarantee: 45 for character, tenant and domestic help; passport by the MEA target, 21). A purpose left out gets 45.',
  VERIFICATION_WARNING_DAYS_LEFT:
    'An open verification this many days or fewer before its limit is near breach (15: the 30th day of 45); past its limit it is breached. The verifier and the circle\'s DSP are told once of each.',
  VERIFICATION_ESCALATION_INTERVAL_SECONDS: 'How often the near-breach and breach notices to verifiers and DSPs are looked for.',
  VERIFICATION_CERTIFICATE_VALID_MONTHS:
    'Calendar months a character certificate is valid from its issue (BRIEF: 6); from 00:00 IST after its last day `/verify` answers "expired".',
  VERIFICATION_FIRST_APPEAL_LIMIT_DAYS:
    'Days from its receipt within which a first appeal (to the Addl. SP) against a verification\'s decision must be decided. No public source gives the figure: set the notified one.',
  VERIFICATION_SECOND_APPEAL_LIMIT_DAYS:
    'Days from its receipt within which a second appeal (to the SP) must be decided. No public source gives the figure: set the notified one.',
  VERIFICATION_APPEAL_WARNING_DAYS_LEFT: 'An undecided appeal this many days or fewer before its limit is near breach on the board; past it, breached.',
  DAK_CLERK_UNIT:
    'Code of the unit whose dak clerks confirm and mark items diarised from e-mail; they wait in its inbox. Unset: the commissionerate (the root of the unit tree). A code that is not a unit stops e-mail diarisation with an error naming this setting.',
  DAK_DUE_DAYS:
    'Days a holder has to act on a dak item of each priority, counted in IST days after the day it was marked (due by the end of the last one). Local defaults: no public source gives e-Office\'s figures.',
  DUTY_SLIP_LINK_SECRET:
    'Key (≥32 chars) that signs the links to officers\' duty slips. Unset: generated once into `DATA_DIR/secrets/duty-slip-link-secret`. Share it between instances.',
  DUTY_SLIP_LINK_GRACE_HOURS: 'A slip link stays valid this many hours after the officer\'s last duty in the bandobast ends.',
  DUTY_CHART_SOLVE_IN_THREAD: 'Run the duty-chart solver in a worker thread, so a large solve never stalls the API.',
  DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS:
    'Wall-clock limit of one solve job. When reached, the chart leaves SOLVING with the best chart found so far, marked as cut short.',
  DUTY_CHART_SHORTFALLS:
    'Where a shortfall the roll cannot avoid goes: `concentrated` (as few posts short as possible) or `spread` (evened out over the posts).',
  DUTY_SMS_LANGUAGE: 'Language of duty SMS to officers: `hi`, `en` or `bi` (both: a Hindi and an English SMS, each at most two parts).',
  NOTIFY_SMS_ADAPTER:
    '`sink` keeps SMS in the app for admins to read, marked "kept in development sink" (development and test only); `http` posts them to an SMS gateway (required in production).',
  NOTIFY_SMS_URL: 'SMS gateway endpoint (required with `NOTIFY_SMS_ADAPTER=http`).',
  NOTIFY_SMS_TOKEN: 'Bearer token for the SMS gateway.',
  DOCUMENT_SIGNING_KEY:
    'Ed25519 private key (PEM, PKCS#8) that signs verify links on issued papers. Unset: generated once into `DATA_DIR/secrets/document-signing-key.pem`. Share it between instances.',
  PDF_WARM_UP:
    'Load the fonts and shape sample text at start (about 1.5 s of CPU), so that the first paper a user asks for is not a second slower. `false` for short-lived processes that seldom render.',
  EOFFICE_ADAPTER:
    'How work reaches e-Office: `simulator` (our stand-in; development and test only), `http` (a REST endpoint) or `email` (e-mail diarisation). Production needs `http` or `email`.',
  EOFFICE_URL: 'Base URL for the `http` and `simulator` adapters (in production with `http`, give it explicitly).',
  EOFFICE_TOKEN: 'Bearer token for the `http` adapter.',
  EOFFICE_TIMEOUT_MS: 'Per-delivery time limit.',
  EOFFICE_SMTP_HOST: 'SMTP server for the `email` adapter (required with it).',
  EOFFICE_SMTP_PORT: 'SMTP port.',
  EOFFICE_SMTP_SECURE: 'Implicit TLS (port 465); otherwise STARTTLS when offered.',
  EOFFICE_SMTP_USER: 'SMTP user.',
  EOFFICE_SMTP_PASSWORD: 'SMTP password.',
  EOFFICE_MAILBOX: 'The e-Office diarisation mailbox (required with the `email` adapter).',
  EOFFICE_MAIL_FROM: 'Sender of diarisation mails.',
  EOFFICE_BREAKER_FAILURES:
    'Failed deliveries in a row (for a reason of the channel) after which e-Office is health-checked at once; twice as many, with none delivered for a whole probe interval, switch the system to DEGRADED even while the health check passes.',
  EOFFICE_PROBE_INTERVAL_SECONDS:
    "How often e-Office's health is checked, in both modes (and at once at start and after a failed delivery): the mode follows e-Office within one interval either way.",
  EOFFICE_DRAIN_PER_SECOND: 'Most deliveries per second when the backlog drains.',
  EOFFICE_CONCURRENCY: 'Deliveries in flight at once per instance.',
  EOFFICE_MAX_ATTEMPTS: 'Failed delivery attempts (while e-Office is reachable) before a row is marked FAILED for a person to look at.',
  EOFFICE_DISPATCH_INTERVAL_MS:
    'How often due outbox rows are looked for and handed to the queue. New rows go at once, at their commit (a database notice); the interval catches retries coming due.',
  EOFFICE_RECONCILE_INTERVAL_SECONDS:
    'How often the reconciler re-queues every due row, as a backstop. It also runs at start and when e-Office returns; items in flight at a crash are sent again at start, and jobs the queue lost within seconds.',
  EOFFICE_SIM_PORT: '`npm run eoffice:sim` only: port of the e-Office stand-in.',
  EOFFICE_SIM_ADMIN_PORT: '`npm run eoffice:sim` only: port of its always-up admin listener (switch it `down` and back).',
  EOFFICE_SIM_HOST: '`npm run eoffice:sim` only: interface to listen on.',
  EOFFICE_SIM_TOKEN: '`npm run eoffice:sim` only: bearer token it requires on `POST /api/receipts`. Unset: none.',
  DAK_IMAP_HOST:
    'IMAP server of the dak mailbox whose mail is diarised automatically (README "Inward e-mail"), e.g. `imap.example.gov.in`. Unset: no mail is read.',
  DAK_IMAP_PORT: 'Its port: 993 for IMAPS; 143 with `DAK_IMAP_SECURE=false`.',
  DAK_IMAP_SECURE:
    'Implicit TLS (IMAPS). `false`: plain IMAP upgraded with STARTTLS, which is then required unless the server is on this machine (loopback), so the password never crosses the network in clear.',
  DAK_IMAP_USER: 'The mailbox\'s login (required with `DAK_IMAP_HOST`).',
  DAK_IMAP_PASSWORD: 'Its password (required with `DAK_IMAP_HOST`); never logged.',
  DAK_IMAP_MAILBOX: 'The folder read: every unread message in it, and every message newer than the last one diarised from it.',
  DAK_IMAP_DONE_MAILBOX:
    'Folder a diarised message is moved to (created if missing). Unset: it is marked read and stays where it is. A message that could not be diarised is marked read and flagged, and stays.',
  DAK_IMAP_POLL_SECONDS:
    'How often the mailbox is looked at when the server does not announce new mail (IMAP IDLE); with IDLE, new mail is diarised within seconds and this is a backstop. Also the longest wait before reconnecting after an error.',
  DAK_IMAP_MAX_MESSAGE_MB:
    'A larger message is not downloaded: it is recorded as skipped (with its sender and subject), flagged in the mailbox and logged, for a person to enter by hand.',
};
