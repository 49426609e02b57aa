import { BadRequestException, CallHandler, ExecutionContext, HttpException, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';

/**
 * Nest's FileInterceptor turns multer's errors (file too large, unexpected field, broken
 * multipart) into bare 413/400s before the global filter can name the field; name it here.
 * Put it outside FileInterceptor (listed first), so it sees those errors.
 */
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(
    private readonly maxBytes: number,
    private readonly field = 'file',
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((e: unknown) => throwError(() => this.nameTheField(e))));
  }

  private nameTheField(e: unknown): unknown {
    if (e instanceof PayloadTooLargeException) {
      const message = `${this.field} is larger than ${Math.round(this.maxBytes / 1024 / 1024)} MB`;
      return new PayloadTooLargeException({ message, fields: [{ field: this.field, message }] });
    }
    if (e instanceof BadRequestException && !hasFields(e)) {
      const message = `${this.field}: ${e.message}`;
      return new BadRequestException({ message, fields: [{ field: this.field, message }] });
    }
    return e;
  }
}

function hasFields(e: HttpException): boolean {
  const body = e.getResponse();
  return typeof body === 'object' && body !== null && 'fields' in body;
}
