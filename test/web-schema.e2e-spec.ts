import { readFileSync } from 'node:fs';
import { derivedDocument, SCHEMA_FILE, schemaTypes } from '../src/cli/web-schema';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * The browser app compiles against web/src/api/schema.d.ts: when a route, body or view changes
 * without `npm run web:schema`, this fails, so the screens can never drift from the API.
 */
describe('the web app\'s API types (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('match the OpenAPI document the running app serves (run `npm run web:schema` when this fails)', async () => {
    const served = (await t.http.get('/api/docs-json').expect(200)).body as object;
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await schemaTypes(served));
  });

  it('are what `npm run web:schema` derives without a server: the same document', async () => {
    const served = (await t.http.get('/api/docs-json').expect(200)).body as object;
    expect(JSON.parse(JSON.stringify(await derivedDocument()))).toEqual(served);
  });
});
