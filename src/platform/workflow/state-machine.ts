import { ConflictException, ForbiddenException } from '@nestjs/common';
import type { Role } from '../auth/roles';

/**
 * One state machine for every workflow (protest permissions, duty chart versions, VIP
 * programmes, the e-Office outbox). Each workflow declares one table of actions: the states
 * an action may start from, the state it leads to, the roles that may take it, and optionally
 * a guard on the record. Everything else is derived from that table, so the record views, the
 * route roles and the refusals cannot disagree.
 *
 * A refusal has one shape everywhere:
 *   409 {statusCode, error, message, state, action, allowed: [actions this user may take now]}
 * when the action cannot be taken from the record's state (or its guard says no), and 403 when
 * the state allows the action but none of the user's roles does.
 */

/** The application itself acting: a job finishing, a newer chart version superseding an older one. */
export const SYSTEM = 'SYSTEM';
export type WorkflowRole = Role | typeof SYSTEM;
/** The roles a background step passes to `next`. */
export const AS_SYSTEM: readonly WorkflowRole[] = [SYSTEM];

/** Why a guard refuses, in words the user can act on, with any fields the 409 should carry. */
export interface Refusal {
  message: string;
  details?: Record<string, unknown>;
}

export interface Transition<S extends string, C> {
  from: readonly S[];
  to: S;
  roles: readonly WorkflowRole[];
  /** A further condition on the record: null when the action may go ahead, else why not. */
  guard?: (record: C, from: S) => Refusal | null;
}

export interface WorkflowTable<S extends string, A extends string, C> {
  /** What the record is called in a refusal when `subject` is not given, e.g. 'duty chart'. */
  name: string;
  states: readonly S[];
  /** In the order `allowedActions` lists them. */
  actions: { readonly [K in A]: Transition<S, C> };
  /** How a refusal names the record, e.g. by its reference number. */
  subject?: (record: C) => string;
  /** Said at the end of a refusal from that state, e.g. how to change a published chart. */
  hints?: Partial<Record<S, string>>;
}

/** The record is required when the workflow needs it (for guards or its name), else optional. */
type RecordArg<C> = undefined extends C ? [record?: C] : [record: C];

export class StateMachine<S extends string, A extends string, C = undefined> {
  readonly actions: readonly A[];

  constructor(readonly table: WorkflowTable<S, A, C>) {
    this.actions = Object.keys(table.actions) as A[];
    const known = new Set<string>(table.states);
    for (const action of this.actions) {
      const t = table.actions[action];
      const unknown = [...t.from, t.to].filter((s) => !known.has(s));
      if (unknown.length) throw new Error(`${table.name} workflow: ${action} names unknown states ${unknown.join(', ')}`);
      if (t.from.length === 0 || t.roles.length === 0) throw new Error(`${table.name} workflow: ${action} needs from-states and roles`);
    }
  }

  /** The state `action` leads to. */
  to(action: A): S {
    return this.table.actions[action].to;
  }

  /** The states `action` may start from. */
  from(action: A): readonly S[] {
    return this.table.actions[action].from;
  }

  /** The roles a route for `action` names (the SYSTEM is not a route caller). */
  routeRoles(action: A): Role[] {
    return this.table.actions[action].roles.filter((r): r is Role => r !== SYSTEM);
  }

  /** The states one step away from `state`, whoever takes the step, in table order. */
  targets(state: S): S[] {
    const out: S[] = [];
    for (const a of this.actions) {
      const t = this.table.actions[a];
      if (t.from.includes(state) && !out.includes(t.to)) out.push(t.to);
    }
    return out;
  }

  can(state: S, action: A, roles: readonly WorkflowRole[], ...record: RecordArg<C>): boolean {
    return this.verdict(state, action, roles, record[0] as C) === null;
  }

  /** What a user with `roles` may do with the record now: for record views and for refusals. */
  allowedActions(state: S, roles: readonly WorkflowRole[], ...record: RecordArg<C>): A[] {
    return this.actions.filter((a) => this.verdict(state, a, roles, record[0] as C) === null);
  }

  /** The state after `action`, or the 409/403 that says why it cannot be taken. */
  next(state: S, action: A, roles: readonly WorkflowRole[], ...record: RecordArg<C>): S {
    const rec = record[0] as C;
    const verdict = this.verdict(state, action, roles, rec);
    if (verdict === null) return this.table.actions[action].to;
    if (verdict === 'role') {
      const named = this.routeRoles(action).join(', ') || 'none (the system takes this step)';
      throw new ForbiddenException({ message: `${action} needs one of the roles: ${named}`, state, action });
    }
    const why = verdict === 'state' ? `${action} (to ${this.to(action)}) is not possible` : verdict.message;
    const allowed = this.allowedActions(state, roles, ...record);
    const options = allowed.length ? `you may: ${allowed.join(', ')}` : 'there is nothing you can do with it now';
    const hint = this.table.hints?.[state];
    const details = verdict === 'state' ? {} : (verdict.details ?? {});
    const message = `${this.subject(rec)} is ${state}: ${why}; ${options}${hint ? `; ${hint}` : ''}`;
    throw new ConflictException({ ...details, message, state, action, allowed });
  }

  /** State first, then roles, then the guard: a user who may not act learns nothing of the record's details. */
  private verdict(state: S, action: A, roles: readonly WorkflowRole[], record: C): 'state' | 'role' | Refusal | null {
    const t = this.table.actions[action];
    if (!t) throw new Error(`${this.table.name} workflow has no action ${String(action)}`);
    if (!t.from.includes(state)) return 'state';
    if (!t.roles.some((r) => roles.includes(r))) return 'role';
    return t.guard?.(record, state) ?? null;
  }

  private subject(record: C): string {
    return record !== undefined && this.table.subject ? this.table.subject(record) : `this ${this.table.name}`;
  }
}
