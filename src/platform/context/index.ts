export * from './request-context';
export { requestIdOf } from './request-id';
