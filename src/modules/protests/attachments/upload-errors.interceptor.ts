import { BadRequestException, CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ATTACHMENT_MAX_BYTES } from './file-signature';

/**
 * Nest's FileInterceptor turns multer's errors (file too large, unexpected field, broken
 * multipart) into bare 413/400s before the global filter can name the field; name it here.
 * Placed outside FileInterceptor, so it sees those errors; everything else passes unchanged.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((e: unknown) => throwError(() => nameTheField(e))));
  }
}

function nameTheField(e: unknown): unknown {
  if (e instanceof PayloadTooLargeException) {
    const message = `file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`;
    return new PayloadTooLargeException({ message, fields: [{ field: 'file', message }] });
  }
  if (e instanceof BadRequestException && !hasFields(e)) {
    const message = `file: ${e.message}`;
    return new BadRequestException({ message, fields: [{ field: 'file', message }] });
  }
  return e;
}

function hasFields(e: HttpException): boolean {
  const body = e.getResponse();
  return typeof body === 'object' && body !== null && 'fields' in body;
}
