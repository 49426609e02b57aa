import type { Request } from 'express';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './http-exception.filter';

/** PostgreSQL's own errors, as the driver hands them over, and the request that caused them. */
function pgError(fields: { code: string; message: string; detail?: string; column?: string }): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(fields.message), fields));
}
const req = (parts: Partial<Pick<Request, 'params' | 'query' | 'body'>>) => ({ params: {}, query: {}, body: {}, ...parts }) as Request;

describe('database errors in the error shape', () => {
  const filter = new AllExceptionsFilter();

  it('names the key of a unique violation, through an index expression', () => {
    const body = filter.toBody(
      pgError({ code: '23505', message: 'duplicate key value violates unique constraint "app_user_username_uq"', detail: 'Key (lower(username::text))=(si.dubey) already exists.' }),
      req({ body: { username: 'si.dubey', rank: 'SI' } }),
    );
    expect(body).toEqual({ statusCode: 409, error: 'Conflict', message: 'A record with the same username already exists', fields: [{ field: 'username', message: 'A record with the same username already exists' }] });
  });

  it('names a composite key by the request fields, nested ones by their path', () => {
    const body = filter.toBody(
      pgError({ code: '23505', message: 'duplicate key', detail: 'Key (bandobast_id, code)=(x, D1) already exists.' }),
      req({ body: { divisions: [{ code: 'D1' }] } }),
    );
    expect(body.fields?.map((f) => f.field)).toEqual(['bandobastId', 'divisions[0].code']);
  });

  it('maps every data exception (class 22) to 400, naming the field whose value the message quotes', () => {
    const range = filter.toBody(pgError({ code: '22008', message: 'date/time field value out of range: "2026-02-30"' }), req({ query: { from: '2026-02-30' } }));
    expect(range).toMatchObject({ statusCode: 400, fields: [{ field: 'from' }] });
    const big = filter.toBody(pgError({ code: '22003', message: 'value "99999999999" is out of range for type integer' }), req({ params: { revision: '99999999999' } }));
    expect(big).toMatchObject({ statusCode: 400, fields: [{ field: 'revision' }] });
    const nul = filter.toBody(pgError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }), req({ body: { username: 'a\u0000' } }));
    expect(nul).toMatchObject({ statusCode: 400, message: 'A value holds a character the database cannot store' });
    expect(nul.fields).toBeUndefined();
    const other = filter.toBody(pgError({ code: '2201X', message: 'OFFSET must not be negative' }), req({}));
    expect(other).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('names the column of a not-null violation', () => {
    const body = filter.toBody(pgError({ code: '23502', message: 'null value in column "name_en" of relation "officer" violates not-null constraint', column: 'name_en' }), req({ body: { nameEn: null } }));
    expect(body).toMatchObject({ statusCode: 400, fields: [{ field: 'nameEn' }] });
  });

  it('still answers other database failures with a 500 that says nothing of them', () => {
    const body = filter.toBody(pgError({ code: '42P01', message: 'relation "officr" does not exist' }), req({}));
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong; it has been logged' });
  });
});
