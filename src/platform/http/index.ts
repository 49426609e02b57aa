// Request-level helpers domain modules use: field errors, validators, the upload error shape.
export * from './field-error';
export * from './validators';
export * from './aadhaar';
export { UploadErrorsInterceptor } from './upload-errors.interceptor';
export * from './response-view';
export { ThrottlePerLink, throttlerOptions, THROTTLERS } from './throttles';
export { allowInlineStyle } from './security-headers';
export { References, idsOf } from './references';
export { removeTempUpload, tempFileStorage } from './temp-file-upload';
export type { TempFileUpload } from './temp-file-upload';
export { aadhaarShapedField, NoAadhaarShapedNumbers } from './aadhaar-shaped.pipe';
export { ATTACHMENT_MAX_BYTES, safeFilename, sniffFileType } from './file-signature';
export { LinkThrottle } from './link-throttle';
