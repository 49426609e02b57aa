import { REDACTED, redactDeep } from '../platform/logging';
import { apiDocsArePublic, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.BASE_URL).toBe('http://localhost:3000');
  });

  it('has Bhopal as the commissionerate and a 5 s statement timeout unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.geo.bounds).toEqual({ minLat: 23.09, minLng: 77.21, maxLat: 23.69, maxLng: 77.6 });
    expect(config.DB_STATEMENT_TIMEOUT_MS).toBe(5000);
    expect(loadConfig({ COMMISSIONERATE_BOUNDS: '22.6, 75.7, 22.85, 76.0' }).geo.bounds).toEqual({ minLat: 22.6, minLng: 75.7, maxLat: 22.85, maxLng: 76 });
  });

  it('serves the OpenAPI UI and document to logged-in users only in production, unless told', () => {
    expect(apiDocsArePublic(loadConfig({}))).toBe(true);
    expect(apiDocsArePublic({ NODE_ENV: 'production' })).toBe(false);
    expect(apiDocsArePublic({ NODE_ENV: 'production', API_DOCS: 'public' })).toBe(true);
    expect(apiDocsArePublic(loadConfig({ API_DOCS: 'login' }))).toBe(false);
    expect(() => loadConfig({ API_DOCS: 'everyone' })).toThrow(/API_DOCS="everyone"/);
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="?eighty"?/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      fail('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => p.split('=')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    }
  });
});

describe('one validated configuration for every module', () => {
  // One setting of each module; each used to be (or could be) read somewhere else.
  const badValues: Array<[string, string, string]> = [
    ['platform', 'RATE_LIMIT_PER_MINUTE', '0'],
    ['platform', 'RATE_LIMIT_PER_LINK_PER_MINUTE', '0'],
    ['protests', 'PROTEST_CLASH_DISTANCE_METRES', '0'],
    ['duty charts', 'DUTY_SLIP_LINK_GRACE_HOURS', 'two days'],
    ['duty charts', 'DUTY_SMS_LANGUAGE', 'fr'],
    ['duty charts', 'DUTY_SLIP_LINK_SECRET', 'too-short'],
    ['duty charts', 'DUTY_CHART_SOLVE_IN_THREAD', 'maybe'],
    ['e-Office', 'EOFFICE_TIMEOUT_MS', '5'],
    ['database', 'DB_STATEMENT_TIMEOUT_MS', '0'],
    ['geo', 'COMMISSIONERATE_BOUNDS', '23.09,77.21,23.69'],
    ['geo', 'COMMISSIONERATE_BOUNDS', '23.69,77.21,23.09,77.6'],
    ['geo', 'COMMISSIONERATE_BOUNDS', '23.09,77.21,95,77.6'],
    ['e-Office simulator', 'EOFFICE_SIM_PORT', '70000'],
    ['notify', 'NOTIFY_SMS_ADAPTER', 'pigeon'],
    ['web app', 'MAP_TILE_URL', 'https://tiles.example.in/{z}/{x}.png'],
    ['web app', 'MAP_TILE_URL', 'ftp://tiles.example.in/{z}/{x}/{y}.png'],
    ['web app', 'MAP_TILE_URL', 'https://tiles.{s}.example.in/{z}/{x}/{y}.png'],
    ['dak mail', 'DAK_IMAP_PORT', '0'],
    ['dak mail', 'DAK_IMAP_SECURE', 'yes please'],
    ['dak mail', 'DAK_IMAP_POLL_SECONDS', '1'],
    ['dak mail', 'DAK_IMAP_MAX_MESSAGE_MB', '0.5'],
    ['dak mail', 'DAK_IMAP_HOST', 'imaps://imap.example.gov.in'],
  ];
  it.each(badValues)('%s: a bad %s stops the boot with a ConfigError naming it', (_module, name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^${name}=${JSON.stringify(value)}: `))]);
  });

  it('derives the module slices once, typed', () => {
    const config = loadConfig({
      PROTEST_LEAD_TIME_HOURS: '72',
      PROTEST_LOUDSPEAKER_QUIET_HOURS: '21:30-07:00',
      DUTY_SLIP_LINK_GRACE_HOURS: '24',
      DUTY_CHART_SOLVE_IN_THREAD: 'false',
      DUTY_SMS_LANGUAGE: 'bi',
      DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS: '20',
      DUTY_CHART_SHORTFALLS: 'spread',
      DUTY_SLIP_LINK_SECRET: 's'.repeat(32),
      EOFFICE_SIM_PORT: '5600',
    });
    expect(config.protests).toMatchObject({ leadTimeHours: 72, clashDistanceMetres: 500, quietFromMinute: 21 * 60 + 30, quietToMinute: 7 * 60 });
    expect(config.dutyCharts).toEqual({
      slipLinkSecret: 's'.repeat(32),
      slipLinkGraceHours: 24,
      solveInThread: false,
      solveTimeLimitSeconds: 20,
      shortfallShape: 'spread',
      smsLanguage: 'bi',
    });
    expect(config.eofficeSimulator).toEqual({ port: 5600, adminPort: 4601, host: '127.0.0.1', token: undefined });
  });

  it('gives the web app its tile server, and the CSP source for it, only when one is set', () => {
    expect(loadConfig({}).web).toEqual({
      mapTileUrl: undefined,
      mapTileAttribution: undefined,
      mapTileSource: undefined,
      https: false,
      origin: 'http://localhost:3000',
    });
    const tiles = loadConfig({
      MAP_TILE_URL: 'https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© OpenStreetMap',
      BASE_URL: 'https://ops.bhopal.example/',
    }).web;
    expect(tiles).toEqual({
      mapTileUrl: 'https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}.png',
      mapTileAttribution: '© OpenStreetMap',
      mapTileSource: 'https://*.tile.example.org:8443',
      https: true,
      origin: 'https://ops.bhopal.example',
    });
    expect(loadConfig({ MAP_TILE_URL: 'http://10.1.2.3/{z}/{x}/{y}.png' }).web.mapTileSource).toBe('http://10.1.2.3');
    expect(loadConfig({ MAP_TILE_ATTRIBUTION: 'nobody' }).web.mapTileAttribution).toBeUndefined();
  });

  it('keeps the duty-chart defaults the module had', () => {
    expect(loadConfig({}).dutyCharts).toEqual({
      slipLinkSecret: undefined,
      slipLinkGraceHours: 48,
      solveInThread: true,
      solveTimeLimitSeconds: 60,
      shortfallShape: 'concentrated',
      smsLanguage: 'hi',
    });
  });

  it('refuses a solve time limit that is not a whole number of seconds from 1 to 3600, and an unknown shortfall shape', () => {
    expect(() => loadConfig({ DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS: '0' })).toThrow(/DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS="0"/);
    expect(() => loadConfig({ DUTY_CHART_SOLVE_TIME_LIMIT_SECONDS: '1.5' })).toThrow(/whole number of seconds/);
    expect(() => loadConfig({ DUTY_CHART_SHORTFALLS: 'random' })).toThrow(/DUTY_CHART_SHORTFALLS="random"/);
  });
});

describe('the dak mailbox for inward e-mail', () => {
  const nic = { DAK_IMAP_HOST: 'imap.example.gov.in', DAK_IMAP_USER: 'dak-bhopal@mp.gov.in', DAK_IMAP_PASSWORD: 'p4ss' };

  it('is off unless DAK_IMAP_HOST is set', () => {
    expect(loadConfig({}).dakMail).toBeUndefined();
  });

  it('reads a NIC mailbox over IMAPS on 993 by default, every unread message of INBOX', () => {
    expect(loadConfig(nic).dakMail).toEqual({
      host: 'imap.example.gov.in',
      port: 993,
      secure: true,
      requireStartTls: false,
      user: 'dak-bhopal@mp.gov.in',
      password: 'p4ss',
      mailbox: 'INBOX',
      doneMailbox: undefined,
      pollSeconds: 60,
      maxMessageBytes: 25 * 1024 * 1024,
    });
  });

  it('requires STARTTLS for plain IMAP to another machine, not on loopback', () => {
    expect(loadConfig({ ...nic, DAK_IMAP_SECURE: 'false', DAK_IMAP_PORT: '143' }).dakMail).toMatchObject({ secure: false, requireStartTls: true, port: 143 });
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]'])
      expect(loadConfig({ ...nic, DAK_IMAP_HOST: host, DAK_IMAP_SECURE: 'false' }).dakMail?.requireStartTls).toBe(false);
  });

  it('needs the login and password with the host, and a done folder other than the one read', () => {
    expect(() => loadConfig({ DAK_IMAP_HOST: 'imap.example.gov.in' })).toThrow(/DAK_IMAP_USER: required[\s\S]*DAK_IMAP_PASSWORD: required/);
    expect(() => loadConfig({ ...nic, DAK_IMAP_DONE_MAILBOX: 'INBOX' })).toThrow(/DAK_IMAP_DONE_MAILBOX: must differ/);
    expect(loadConfig({ ...nic, DAK_IMAP_DONE_MAILBOX: 'Diarised' }).dakMail?.doneMailbox).toBe('Diarised');
  });

  it('keeps the password out of any log line the settings reach', () => {
    const logged = JSON.stringify(redactDeep({ config: loadConfig(nic) }));
    expect(logged).not.toContain('p4ss');
    expect(redactDeep(loadConfig(nic).dakMail)).toMatchObject({ password: REDACTED, user: 'dak-bhopal@mp.gov.in' });
  });

  it('refuses a login or password without a host, which would read nothing', () => {
    expect(() => loadConfig({ DAK_IMAP_USER: 'dak', DAK_IMAP_PASSWORD: 'x' })).toThrow(/DAK_IMAP_USER: set, but DAK_IMAP_HOST is not/);
  });
});

describe('production refuses the development stand-ins', () => {
  const real = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://ops@db.internal:5432/police_ops',
    EOFFICE_ADAPTER: 'http',
    EOFFICE_URL: 'https://eoffice.mp.gov.in/api',
    NOTIFY_SMS_ADAPTER: 'http',
    NOTIFY_SMS_URL: 'https://sms.mp.gov.in/send',
  };
  const problems = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
  };

  it('starts with real services', () => {
    expect(problems(real)).toEqual([]);
    expect(problems({ ...real, EOFFICE_ADAPTER: 'email', EOFFICE_URL: undefined, EOFFICE_SMTP_HOST: 'smtp.nic.in', EOFFICE_MAILBOX: 'diary@mp.gov.in' })).toEqual([]);
  });

  it('names the setting to give for each stand-in left on, defaults included', () => {
    const found = problems({ NODE_ENV: 'production' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['DATABASE_URL', 'EOFFICE_ADAPTER', 'NOTIFY_SMS_ADAPTER']);
    expect(found[0]).toMatch(/DATABASE_URL: required when NODE_ENV=production.*embedded PostgreSQL/);
    expect(found[1]).toMatch(/simulator.*EOFFICE_ADAPTER=http.*EOFFICE_ADAPTER=email/);
    expect(found[2]).toMatch(/sink.*NOTIFY_SMS_ADAPTER=http with NOTIFY_SMS_URL/);
  });

  it('refuses each one on its own, also when chosen explicitly', () => {
    expect(problems({ ...real, DATABASE_URL: undefined })).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
    expect(problems({ ...real, EOFFICE_ADAPTER: 'simulator' })).toEqual([expect.stringMatching(/^EOFFICE_ADAPTER: /)]);
    expect(problems({ ...real, NOTIFY_SMS_ADAPTER: 'sink', NOTIFY_SMS_URL: undefined })).toEqual([expect.stringMatching(/^NOTIFY_SMS_ADAPTER: /)]);
    // The http adapter's default URL is the simulator's address.
    expect(problems({ ...real, EOFFICE_URL: undefined })).toEqual([expect.stringMatching(/^EOFFICE_URL: /)]);
  });

  it('keeps the stand-ins as defaults in development and test', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      const config = loadConfig({ NODE_ENV });
      expect([config.DATABASE_URL, config.EOFFICE_ADAPTER, config.NOTIFY_SMS_ADAPTER]).toEqual([undefined, 'simulator', 'sink']);
    }
  });
});
