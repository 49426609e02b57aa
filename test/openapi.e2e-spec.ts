import { bootTestApp, TestApp } from './support/test-app';

type Schema = { $ref?: string; type?: string; items?: Schema };
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = { operationId?: string; responses?: Record<string, Response> };

/**
 * The OpenAPI document a web client is generated from: every operation documents a success
 * response, and every JSON one names a component schema (a response class), so a route that
 * hands out an entity or an ad-hoc object without a response DTO is caught here.
 */
describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown> };
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
});
