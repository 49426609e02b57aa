import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty, DECORATORS } from '@nestjs/swagger';

/**
 * Base of the API's response classes. A view's `@ApiProperty` fields are at once its OpenAPI
 * schema and exactly what goes out: `SomeView.from(x)` copies the declared fields and nothing
 * else (nested views, and arrays of them, the same way), so a column added to an entity never
 * reaches a client by accident, and the document a web client is generated from stays true.
 */
export abstract class ResponseView {
  static from<T extends ResponseView>(this: new () => T, source: T): T {
    return project(this, source) as T;
  }
}

type ViewClass = new () => ResponseView;

function isView(type: unknown): type is ViewClass {
  return typeof type === 'function' && type.prototype instanceof ResponseView;
}

function fieldType(view: ViewClass, name: string): unknown {
  const meta = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, view.prototype, name) as
    { type?: unknown } | undefined;
  let type = meta?.type ?? Reflect.getMetadata('design:type', view.prototype, name);
  // `type: () => SomeView` (a lazy reference) is an arrow function: no prototype.
  if (typeof type === 'function' && !type.prototype) type = (type as () => unknown)();
  return type;
}

function project(view: ViewClass, value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => project(view, v));
  const names = (
    (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, view.prototype) as string[]) ?? []
  ).map((k) => k.slice(1));
  const out = new view() as Record<string, unknown>;
  for (const name of names) {
    const v = (value as Record<string, unknown>)[name];
    const type = fieldType(view, name);
    out[name] = isView(type) ? project(type, v) : v;
  }
  return out;
}

/** `{ total, items }`, the answer of every paged list, for one kind of item. */
export function PageOf<T extends ResponseView>(item: new () => T) {
  class Page extends ResponseView {
    @ApiProperty() total!: number;
    @ApiProperty({ type: [item] }) items!: T[];
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  return Page;
}

/** A route that answers with a file rather than JSON (a PDF, an HTML page, a scan). */
export function ApiFileResponse(...contentTypes: string[]) {
  return applyDecorators(
    ApiProduces(...contentTypes),
    ApiOkResponse({
      description: 'The file',
      content: Object.fromEntries(
        contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
      ),
    }),
  );
}
