import fc from 'fast-check';
import { ROLES, Role } from '../src/platform/auth/roles';
import { containsAadhaarNumber } from '../src/platform/http/aadhaar';
import { listRoutes } from './support/routes';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * A property test over EVERY operation of the OpenAPI document (GET /api/docs-json): bad
 * input in every field (body, query, path) with every role's token, and no token, must never
 * answer 5xx, and a full Aadhaar number in any field is never accepted.
 *
 * Each operation starts from a body and parameters that look valid (built from the schema's
 * examples, enums and the ids the app hands out), then fast-check replaces fields with NUL
 * bytes, control characters, lone surrogates, malformed %, impossible dates, numbers beyond
 * PostgreSQL's range, nesting 2,000 deep, wrong types, missing fields and Aadhaar numbers.
 * Runs are bounded per operation (FUZZ_RUNS, default 40, the 8 role examples included;
 * FUZZ_SEED to replay a run).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const UUID = '00000000-0000-4000-8000-000000000000';
const bearer = { type: 'bearer' as const };

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  format?: string;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const AADHAAR = ['2341 2341 2346', '२३४१\u00a0२३४१\u00a0२३४६', '234.123.412.346', '２３４１\u200b２３４１２３４６'];
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\u001b[31m',
  '\u0085',
  '\ud800',
  'x\udc00y',
  'line\nbreak',
  '%',
  '%zz',
  '%E0%A4%A',
  "'; DROP TABLE app_user; --",
  '${{7*7}}',
  '2026-02-30',
  '2026-02-30T10:00:00+05:30',
  '2026-13-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '-1',
  '99999999999999999999',
  '1e400',
  'NaN',
  'null',
  '00000000-0000-4000-8000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'x'.repeat(5000),
  '\u202eevil',
  '🙏🏽 नमस्ते',
  ...AADHAAR,
];
const NASTY_NUMBERS = [0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 1e20, -1e20, Number.MAX_SAFE_INTEGER + 2, 1e308, -0];
const NASTY_PATH = ['%zz', '%E0%A4%A', '%ED%A0%80', 'x%00y', '%07', '%0A', '..%2F..', '99999999999999999999', '-1', '0', '1e3', 'x'.repeat(300), 'null', encodeURIComponent('२३४१ २३४१ २३४६')];
const DEEP = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
const DEEP_ARRAY = `${'['.repeat(2000)}${']'.repeat(2000)}`;

function deepObject(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const nastyString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }) },
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '\u0000': 1 }, deepObject(40), ['\u0000'], Array(1000).fill('x')) },
);

/** A string a query string or path carries: percent-encoded, lone surrogates as their raw (invalid UTF-8) bytes. */
function encode(value: unknown): string {
  return [...String(value)]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        const c = ch.charCodeAt(0);
        return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
    })
    .join('');
}

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  }
  return out;
}

describe('every OpenAPI operation under bad input (e2e, property)', () => {
  let t: TestApp;
  let doc: Doc;
  const tokens: Partial<Record<Role, string>> = {};
  const rolesOf = new Map<string, Role[] | 'public'>();
  /** Ids the app answered with, by the collection path they came from. */
  const ids = new Map<string, Set<string>>();
  const allIds = new Set<string>();
  let ownIds = new Set<string>();

  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]);
    return s;
  };

  const future = (hours: number) => new Date(Date.now() + 3 * 86_400_000 + hours * 3_600_000).toISOString();
  function plausible(name: string, schema: Schema | undefined, path: string, depth = 0): unknown {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.default !== undefined) return s.default;
    if (s.type === 'array') return depth > 4 ? [] : [plausible(name, s.items, path, depth + 1)];
    if (s.type === 'object' || s.properties) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) if (depth < 6) out[k] = plausible(k, v, path, depth + 1);
      return out;
    }
    if (s.type === 'number' || s.type === 'integer') return 1;
    if (s.type === 'boolean') return false;
    if (/Id$|^id$/.test(name)) return pickId(path);
    if (/unitCode|thanaCode|Code$/i.test(name)) return 'TT_NAGAR';
    if (/mobile/i.test(name)) return '9876543210';
    if (/^(start|from)|At$/.test(name)) return future(0);
    if (/^(end|to)$/.test(name)) return future(2);
    return 'Fuzz text ' + name;
  }

  const collectionOf = (path: string) => path.split('/{')[0]!;
  function pickId(path: string): string {
    const own = [...(ids.get(collectionOf(path)) ?? [])];
    if (own.length) return own[0]!;
    return [...allIds][0] ?? UUID;
  }
  const idsFor = (path: string) => {
    const pool = [...(ids.get(collectionOf(path)) ?? []), ...[...allIds].slice(0, 5), UUID];
    return [...new Set(pool)];
  };

  function remember(path: string, value: unknown) {
    for (const s of stringsIn(value)) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s) || ownIds.has(s)) continue;
      const set = ids.get(path) ?? new Set();
      set.add(s);
      ids.set(path, set);
      allIds.add(s);
    }
  }

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method as Method, op })));

  interface Sent {
    role: Role | null;
    url: string;
    body: string | undefined;
    multipart?: Record<string, string>;
    aadhaar: boolean;
  }

  async function send(method: Method, r: Sent) {
    let req = t.http[method](r.url);
    if (r.role) req = req.auth(tokens[r.role]!, bearer);
    if (r.multipart) {
      for (const [k, v] of Object.entries(r.multipart)) req = req.field(k, v);
      req = req.attach('file', Buffer.from('%PDF-1.4 fuzz\n'), 'fuzz.pdf');
    } else if (r.body !== undefined) {
      req = req.set('Content-Type', 'application/json').send(r.body);
    }
    return req;
  }

  beforeAll(async () => {
    t = await bootTestApp();
    for (const role of ROLES) tokens[role] = await t.tokenFor([role], role === 'OFFICER' || role === 'DUTY_OFFICER' ? 'TT_NAGAR' : 'BPL');
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
    for (const r of listRoutes(t.app)) {
      const openapiPath = r.pattern.replace(/:(\w+)/g, '{$1}');
      rolesOf.set(`${r.method} ${openapiPath}`, r.isPublic ? 'public' : r.roles);
    }
    // The test's own accounts are never fuzzed (a deactivated token user would silence the rest).
    const me = await Promise.all(ROLES.map((role) => t.http.get('/api/v1/auth/me').auth(tokens[role]!, bearer)));
    ownIds = new Set(me.flatMap((m) => stringsIn(m.body)));

    // Some records to aim at: every create with a plausible body, then every list's ids.
    const byRole = (key: string): Role[] => {
      const roles = rolesOf.get(key);
      return roles === 'public' || !roles ? ['ADMIN'] : roles;
    };
    for (const { path, method, op } of operations()) {
      if (method !== 'post' || path.includes('{') || /auth|verify|import/.test(path)) continue;
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      const res = await t.http.post(path).auth(tokens[byRole(`post ${path}`)[0]!]!, bearer).send(plausible('', schema, path) as object);
      expect(res.status).toBeLessThan(500);
      remember(path, res.body);
    }
    for (const { path, method } of operations()) {
      if (method !== 'get' || path.includes('{')) continue;
      const res = await t.http.get(path).auth(tokens[byRole(`get ${path}`)[0]!]!, bearer);
      if (res.status === 200) remember(path, res.body);
    }
  });
  afterAll(() => t.close());

  it('reads the whole document and knows who may call each operation', () => {
    expect(operations().length).toBeGreaterThan(90);
    expect(operations().filter((o) => !rolesOf.has(`${o.method} ${o.path}`))).toEqual([]);
  });

  it('never answers 5xx, and never accepts an Aadhaar number, on any operation with any role', async () => {
    const failures: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    const started = Date.now();
    for (const { path, method, op } of operations()) {
      const declared = rolesOf.get(`${method} ${path}`)!;
      const allowed = declared === 'public' ? [...ROLES] : declared;
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const jsonSchema = op.requestBody?.content['application/json']?.schema;
      const multipartSchema = op.requestBody?.content['multipart/form-data']?.schema;
      const validBody = jsonSchema ? plausible('', jsonSchema, path) : undefined;
      const leafPaths: (string | number)[][] = [];
      const walk = (v: unknown, at: (string | number)[]) => {
        if (at.length) leafPaths.push(at);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
      };
      walk(validBody, []);

      const role = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom<Role | null>(...allowed) },
        { weight: 1, arbitrary: fc.constantFrom<Role | null>(...ROLES, null) },
      );
      const pathValue = (p: Parameter) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(p.schema?.type === 'number' ? ['1', '2'] : idsFor(path))) },
          { weight: 2, arbitrary: fc.constantFrom(...NASTY_PATH) },
          { weight: 1, arbitrary: nastyString.map(encode) },
        );
      const queryValue = (p: Parameter) =>
        fc.option(
          fc.oneof(
            { weight: 1, arbitrary: fc.constant(encode(plausible(p.name, p.schema, path))) },
            { weight: 3, arbitrary: fc.oneof(nastyString, fc.constantFrom(...NASTY_NUMBERS)).map(encode) },
            { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%ED%A0%80') },
          ),
          { nil: undefined },
        );
      const mutation = fc.tuple(leafPaths.length ? fc.constantFrom(...leafPaths) : fc.constant([] as (string | number)[]), nastyValue, fc.boolean());
      const body = fc.oneof(
        { weight: 12, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constantFrom(DEEP, DEEP_ARRAY, '{"a":1', '[]', '"x"', 'null') },
      );
      const arbitrary = fc.record({
        role,
        params: fc.tuple(...pathParams.map(pathValue)),
        query: fc.tuple(...queryParams.map(queryValue)),
        body,
      });

      const build = (v: { role: Role | null; params: string[]; query: (string | undefined)[]; body: unknown }): Sent => {
        let i = 0;
        const filled = path.replace(/\{(\w+)\}/g, () => v.params[i++] ?? UUID);
        const qs = queryParams.map((p, k) => (v.query[k] === undefined ? '' : `${encodeURIComponent(p.name)}=${v.query[k]}`)).filter(Boolean).join('&');
        const url = qs ? `${filled}?${qs}` : filled;
        let raw: string | undefined;
        let sentBody: unknown;
        if (typeof v.body === 'string') raw = v.body;
        else if (jsonSchema || method !== 'get') {
          sentBody = structuredClone(validBody ?? {});
          for (const [at, value, remove] of v.body as [(string | number)[], unknown, boolean][]) {
            if (at.length === 0) {
              sentBody = value;
              continue;
            }
            let node = sentBody as Record<string | number, unknown>;
            for (const key of at.slice(0, -1)) {
              if (!node || typeof node !== 'object') break;
              node = node[key] as Record<string | number, unknown>;
            }
            if (!node || typeof node !== 'object') continue;
            if (remove) delete node[at[at.length - 1]!];
            else node[at[at.length - 1]!] = value;
          }
          raw = JSON.stringify(sentBody);
        }
        const multipart = multipartSchema
          ? Object.fromEntries(Object.keys(resolve(multipartSchema).properties ?? {}).map((k) => [k, String(stringsIn(sentBody)[0] ?? 'OTHER').replace(/[\r\n]/g, ' ')]))
          : undefined;
        const decoded = [...v.params, ...v.query.filter((q): q is string => q !== undefined)].map((s) => {
          try {
            return decodeURIComponent(s);
          } catch {
            return s;
          }
        });
        const aadhaar = [...stringsIn(sentBody), ...decoded].some(containsAadhaarNumber);
        return { role: v.role, url, body: multipart ? undefined : raw, multipart, aadhaar };
      };

      // Every role and no token at least once, each with a NUL in the first field.
      const firstLeaf = leafPaths[0] ?? [];
      const examples = [...ROLES, null].map((r): [{ role: Role | null; params: string[]; query: (string | undefined)[]; body: unknown }] => [
        { role: r, params: pathParams.map(() => '%zz'), query: queryParams.map(() => '%00'), body: [[firstLeaf, 'a\u0000b', false]] },
      ]);
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (v) => {
          const sent = build(v);
          requests++;
          const res = await send(method, sent);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 200)} as ${sent.role ?? 'nobody'}: ${method.toUpperCase()} ${sent.url.slice(0, 300)} ${sent.body?.slice(0, 300) ?? ''}`);
          if (sent.aadhaar && res.status < 300) throw new Error(`accepted an Aadhaar number (${res.status}) as ${sent.role}: ${method.toUpperCase()} ${sent.url.slice(0, 300)} ${sent.body?.slice(0, 300) ?? ''}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true, examples },
      );
      if (result.failed) failures.push(`${method.toUpperCase()} ${path} (seed ${result.seed}): ${String((result.errorInstance as Error)?.message ?? result.counterexample)}`);
    }
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(`[fuzz] ${operations().length} operations, ${requests} requests in ${Math.round((Date.now() - started) / 1000)} s (${byStatus})`);
    expect(failures).toEqual([]);
  }, 600_000);
});
