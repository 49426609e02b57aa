import { HttpException } from '@nestjs/common';
import { ROLES } from '../auth/roles';
import { StateMachine, SYSTEM, WorkflowRole } from './state-machine';

/** Every set of roles a user (or the system) can hold: 2^8 of them. */
export function everyRoleSet(): WorkflowRole[][] {
  const all: WorkflowRole[] = [...ROLES, SYSTEM];
  return Array.from({ length: 2 ** all.length }, (_, mask) => all.filter((_r, i) => mask & (2 ** i)));
}

/**
 * For unit tests of a workflow table: over every state, action, role set and sample record,
 * `next` must succeed exactly for the actions `allowedActions` lists, and every refusal must be
 * a 403 (the state allows it, the roles do not) or a 409 whose `allowed` is `allowedActions`.
 * Returns the cases that break this, so a test can expect an empty list.
 */
export function tableViolations<S extends string, A extends string, C>(machine: StateMachine<S, A, C>, records: C[], roleSets = everyRoleSet()): string[] {
  const problems: string[] = [];
  // Records are passed whether the table needs them or not.
  const m = machine as unknown as StateMachine<S, A, C | undefined>;
  for (const record of records) {
    for (const state of machine.table.states) {
      for (const roles of roleSets) {
        const allowed = m.allowedActions(state, roles, record);
        for (const action of machine.actions) {
          const t = machine.table.actions[action];
          const where = `${state} ${action} [${roles.join(',')}] ${JSON.stringify(record)}`;
          const can = m.can(state, action, roles, record);
          if (can !== allowed.includes(action)) problems.push(`${where}: can=${can} but allowedActions=${allowed.join(',')}`);
          try {
            const to = m.next(state, action, roles, record);
            if (!allowed.includes(action)) problems.push(`${where}: next succeeded but it is not in allowedActions`);
            if (to !== t.to) problems.push(`${where}: next gave ${to}, the table says ${t.to}`);
          } catch (e) {
            if (!(e instanceof HttpException)) throw e;
            if (allowed.includes(action)) problems.push(`${where}: next refused (${e.getStatus()}) an allowed action`);
            const stateAllows = t.from.includes(state);
            const roleAllows = t.roles.some((r) => roles.includes(r));
            const body = e.getResponse() as Record<string, unknown>;
            if (stateAllows && !roleAllows) {
              if (e.getStatus() !== 403) problems.push(`${where}: expected 403, got ${e.getStatus()}`);
            } else {
              if (e.getStatus() !== 409) problems.push(`${where}: expected 409, got ${e.getStatus()}`);
              if (JSON.stringify(body.allowed) !== JSON.stringify(allowed)) problems.push(`${where}: 409 allowed ${JSON.stringify(body.allowed)}, allowedActions ${JSON.stringify(allowed)}`);
              if (body.state !== state || body.action !== action || typeof body.message !== 'string') problems.push(`${where}: 409 body ${JSON.stringify(body)}`);
            }
          }
        }
      }
    }
  }
  return problems;
}
