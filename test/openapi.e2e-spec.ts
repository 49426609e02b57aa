import { IST_DATE_TIME_RULE } from '../src/platform/http/validators';
import { bootTestApp, TestApp } from './support/test-app';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
};
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Parameter = { name: string; in: string; description?: string; schema?: Schema };
type Operation = {
  operationId?: string;
  responses?: Record<string, Response>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

/**
 * The OpenAPI document a web client is generated from: every operation documents a success
 * response, and every JSON one names a component schema (a response class), so a route that
 * hands out an entity or an ad-hoc object without a response DTO is caught here.
 */
describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  beforeAll(async () => {
    t = await bootTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        op,
      })),
    );

  it('documents a success response with a component schema for every JSON answer', () => {
    const problems: string[] = [];
    for (const { name, op } of operations()) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) =>
        /^2\d\d$/.test(status),
      );
      if (success.length === 0) problems.push(`${name}: no 2xx response documented`);
      for (const [status, res] of success) {
        if (status === '204') continue;
        const content = res.content ?? {};
        if (Object.keys(content).length === 0)
          problems.push(`${name} ${status}: no body documented`);
        const json = content['application/json'];
        if (!json) continue;
        const schema = json.schema ?? {};
        const ref = schema.$ref ?? (schema.type === 'array' ? schema.items?.$ref : undefined);
        if (!ref) {
          problems.push(`${name} ${status}: JSON body without a component schema`);
          continue;
        }
        const component = doc.components.schemas[ref.replace('#/components/schemas/', '')] as
          { properties?: Record<string, unknown> } | undefined;
        if (!component) problems.push(`${name} ${status}: ${ref} is missing`);
        // A class without @ApiProperty fields (an entity, say) gives an empty schema.
        else if (Object.keys(component.properties ?? {}).length === 0)
          problems.push(`${name} ${status}: ${ref} documents no fields`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('says of every date and time a client sends how a time without an offset is read (IST)', () => {
    const looksLikeTime = (name: string, s: Schema) =>
      s.format === 'date-time' ||
      s.format === 'date' ||
      /(At|Date|Time)$|^(from|to|start|end)$/.test(name);
    const found: string[] = [];
    const problems: string[] = [];
    const judge = (where: string, name: string, s: Schema, description = s.description ?? '') => {
      if (s.$ref || s.type === 'object' || s.properties) return; // a nested place (a leg's from and to)
      if (!looksLikeTime(name, s)) return;
      found.push(where);
      if (
        s.format === 'date-time'
          ? !description.includes(IST_DATE_TIME_RULE)
          : !/Asia\/Kolkata/.test(description)
      )
        problems.push(`${where}: ${JSON.stringify(description)} does not say how IST applies`);
    };
    const seen = new Set<string>();
    const walk = (where: string, schema: Schema | undefined) => {
      if (!schema) return;
      if (schema.$ref) {
        const name = schema.$ref.replace('#/components/schemas/', '');
        if (seen.has(name)) return;
        seen.add(name);
        return walk(name, doc.components.schemas[name]);
      }
      for (const part of schema.allOf ?? []) walk(where, part);
      if (schema.items) walk(where, schema.items);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        judge(`${where}.${name}`, name, property);
        walk(`${where}.${name}`, property.items ?? property);
      }
    };
    for (const { name, op } of operations()) {
      for (const p of op.parameters ?? [])
        if (p.in === 'query')
          judge(
            `${name} ?${p.name}`,
            p.name,
            p.schema ?? {},
            p.description ?? p.schema?.description,
          );
      for (const content of Object.values(op.requestBody?.content ?? {}))
        walk(name, content.schema);
    }
    expect(problems).toEqual([]);
    // The walk reaches bodies, nested parts and list filters alike.
    expect(found).toEqual(
      expect.arrayContaining([
        'LegDto.start',
        'ShiftDto.reportAt',
        'IntakeDto.receivedAt',
        'LoudspeakerDto.to',
        'CreateDakDto.letterDate',
        'CreateVenueDto.opensAt',
        'GET /api/v1/dak ?from',
        'GET /api/v1/protests ?to',
        'GET /api/v1/audit ?from',
      ]),
    );
  });
});
