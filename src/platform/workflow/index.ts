export { AS_SYSTEM, StateMachine, SYSTEM } from './state-machine';
export type { Refusal, Transition, WorkflowRole, WorkflowTable } from './state-machine';
