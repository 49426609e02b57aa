import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { aadhaarShapedMessage, containsAadhaarShapedNumber } from './aadhaar';
import { fieldError } from './field-error';

/**
 * The field (by its path, `neighbours[1].statement`) of the first string in `value` that holds
 * a 12-digit number written like an Aadhaar number, checksum or not (`containsAadhaarShapedNumber`),
 * or null. Keys are read like values; a list of texts is named by the list, as the input guard
 * names it.
 */
export function aadhaarShapedField(value: unknown, root = ''): string | null {
  const stack: { value: unknown; field: string }[] = [{ value, field: root }];
  while (stack.length) {
    const { value: v, field } = stack.pop()!;
    if (typeof v === 'string') {
      if (containsAadhaarShapedNumber(v)) return field.replace(/\[\d+\]$/, '') || root || 'body';
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], field: `${field}[${i}]` });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const path = field ? `${field}.${key}` : key;
      if (containsAadhaarShapedNumber(key)) return path;
      stack.push({ value: child, field: path });
    }
  }
  return null;
}

/**
 * For the routes of forms people copy their Aadhaar card onto (character verification): every
 * string of the body, query or path parameter is refused with a 400 naming its field when it
 * holds an Aadhaar-shaped number, Verhoeff-valid or not. The global guard already refuses the
 * valid ones everywhere; this is the stricter reading, put on a parameter:
 * `@Body(NoAadhaarShapedNumbers) dto`.
 */
@Injectable()
export class NoAadhaarShapedNumbers implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const field = aadhaarShapedField(value, metadata.type === 'body' || metadata.type === 'query' ? '' : (metadata.data ?? ''));
    if (field) throw fieldError(field, aadhaarShapedMessage(field));
    return value;
  }
}
