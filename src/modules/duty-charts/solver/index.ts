/**
 * The duty-chart solver's public API. The NestJS module calls `solve(instance)`; the
 * CLI, the bench and the tests use the same entry points.
 */
export { solve } from './solve';
export type { SolveOptions } from './solve';
export { validateInstance, assertValidInstance, InvalidInstanceError } from './validate';
export type { ValidationResult } from './validate';
export { generateBandobast } from './generator';
export type {
  BandobastSize,
  GeneratedBandobast,
  GeneratorOptions,
  InfeasibleSpec,
} from './generator';
export { DEFAULT_WEIGHTS } from './soft-weights';
export type { SoftWeights } from './soft-weights';
export * from './types';
