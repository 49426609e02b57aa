export { BASE_URL_MARK, TEMPLATE_DECLARATIONS } from './template-declarations';
export type { SmsDeclaration, TemplateDeclaration, TemplateLanguage } from './template-declarations';
export { TemplateError } from './template-errors';
export { TemplateStore, TEMPLATE_EXTENSION } from './template-store';
export type { RenderedTemplate, TemplateStoreOptions } from './template-store';
