/** The API's one error shape (docs/ARCHITECTURE.md §8), and what a form needs of it. */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message?: string | string[];
  fields?: Array<{ field: string; message: string }>;
}

export class ApiError extends Error {
  /** Field path (as the API names it: `route[2].lat`) → the API's message for it. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(messageOf(body) ?? `HTTP ${status}`);
    this.name = 'ApiError';
    const fields: Record<string, string> = {};
    for (const f of body?.fields ?? []) {
      // The first message per field is the one to show beside it.
      if (typeof f?.field === 'string' && typeof f.message === 'string' && !(f.field in fields)) fields[f.field] = f.message;
    }
    this.fields = fields;
  }

  /**
   * The message for one field, or for any field under it (`route` for `route[2].lat`), without
   * the field's name the API starts it with ("newPassword must be …" beside the new password
   * reads "Must be …").
   */
  fieldMessage(field: string): string | undefined {
    const key = field in this.fields ? field : Object.keys(this.fields).find((f) => f.startsWith(`${field}.`) || f.startsWith(`${field}[`));
    if (key === undefined) return undefined;
    const message = this.fields[key]!;
    if (!message.startsWith(`${key} `)) return message;
    const rest = message.slice(key.length + 1);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
}

/** The API could not be reached at all (network down, server stopped): nothing was saved. */
export class ApiUnreachableError extends Error {
  constructor(override readonly cause: unknown) {
    super('The server could not be reached');
    this.name = 'ApiUnreachableError';
  }
}

function messageOf(body: ApiErrorBody | undefined): string | undefined {
  if (!body) return undefined;
  if (Array.isArray(body.message)) return body.message.join('; ');
  return body.message ?? body.error;
}

export function toApiError(status: number, body: unknown): ApiError {
  const shaped = body && typeof body === 'object' && 'statusCode' in body ? (body as ApiErrorBody) : undefined;
  return new ApiError(status, shaped);
}
