// Public surface of the e-Office gateway; the outbox worker and Nest module import from here.
export * from './eoffice-gateway.port';
export * from './gateway-errors';
export { findRequestProblems, sha256Hex } from './diarisation-request.validation';
export { EmailGatewayAdapter } from './email.adapter';
export type { EmailGatewayConfig } from './email.adapter';
export { HttpGatewayAdapter } from './http.adapter';
export type { HttpGatewayConfig } from './http.adapter';
export { SimulatorGatewayAdapter } from './simulator.adapter';
export type { SimulatorGatewayConfig } from './simulator.adapter';
export { createEofficeGateway } from './create-gateway';
export type { EofficeGatewayConfig } from './create-gateway';
export { messageIdFor, subjectTagFor, parseMetadataBlock } from './email-message';
export type { DiarisationMailMetadata } from './email-message';
