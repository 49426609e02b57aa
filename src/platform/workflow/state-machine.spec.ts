import { ConflictException, ForbiddenException, HttpException } from '@nestjs/common';
import { ROLES } from '../auth/roles';
import { AS_SYSTEM, StateMachine, SYSTEM, Transition, WorkflowRole } from './state-machine';
import { everyRoleSet, tableViolations } from './testing';

// A made-up workflow with every feature: a self-loop, a system step, a guard and a hint.
interface GateRecord {
  no: number;
  keyIssued: boolean;
}
const gate = new StateMachine({
  name: 'gate',
  states: ['OPEN', 'SHUT', 'LOCKED'] as const,
  subject: (g: GateRecord) => `Gate ${g.no}`,
  hints: { LOCKED: 'ask the control room for the key' },
  actions: {
    shut: { from: ['OPEN'], to: 'SHUT', roles: ['OFFICER', 'CONTROL_ROOM'] },
    open: { from: ['SHUT'], to: 'OPEN', roles: ['OFFICER'] },
    log: { from: ['OPEN', 'SHUT'], to: 'SHUT', roles: ['CONTROL_ROOM'] },
    lock: {
      from: ['SHUT'],
      to: 'LOCKED',
      roles: ['CONTROL_ROOM'],
      guard: (g: GateRecord) => (g.keyIssued ? null : { message: 'no key is issued', details: { keyIssued: false } }),
    },
    unlock: { from: ['LOCKED'], to: 'SHUT', roles: [SYSTEM] },
  },
});
const keyed: GateRecord = { no: 7, keyIssued: true };
const keyless: GateRecord = { no: 7, keyIssued: false };

function refusal(fn: () => unknown): HttpException {
  try {
    fn();
  } catch (e) {
    if (e instanceof HttpException) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('StateMachine', () => {
  it('moves along the table and names the state an action leads to', () => {
    expect(gate.next('OPEN', 'shut', ['OFFICER'], keyed)).toBe('SHUT');
    expect(gate.next('SHUT', 'lock', ['CONTROL_ROOM'], keyed)).toBe('LOCKED');
    expect(gate.next('LOCKED', 'unlock', AS_SYSTEM, keyed)).toBe('SHUT');
    expect(gate.to('open')).toBe('OPEN');
    expect(gate.from('log')).toEqual(['OPEN', 'SHUT']);
  });

  it('lists, in table order, the actions these roles may take from a state', () => {
    expect(gate.allowedActions('SHUT', ['CONTROL_ROOM'], keyed)).toEqual(['log', 'lock']);
    expect(gate.allowedActions('SHUT', ['OFFICER', 'CONTROL_ROOM'], keyed)).toEqual(['open', 'log', 'lock']);
    expect(gate.allowedActions('SHUT', ['AUDITOR'], keyed)).toEqual([]);
    expect(gate.can('SHUT', 'open', ['OFFICER'], keyed)).toBe(true);
    expect(gate.can('OPEN', 'open', ['OFFICER'], keyed)).toBe(false);
  });

  it('refuses an action the state does not allow with one 409 shape naming what this user may do instead', () => {
    const e = refusal(() => gate.next('OPEN', 'open', ['OFFICER', 'CONTROL_ROOM'], keyed));
    expect(e).toBeInstanceOf(ConflictException);
    expect(e.getResponse()).toEqual({
      message: 'Gate 7 is OPEN: open (to OPEN) is not possible; you may: shut, log',
      state: 'OPEN',
      action: 'open',
      allowed: ['shut', 'log'],
    });
  });

  it('answers 409, not 403, when the state does not allow the action, whatever the roles', () => {
    const e = refusal(() => gate.next('LOCKED', 'open', ['AUDITOR'], keyed));
    expect(e.getStatus()).toBe(409);
    expect(e.getResponse()).toMatchObject({ allowed: [], message: expect.stringContaining('there is nothing you can do with it now; ask the control room for the key') });
  });

  it('answers 403 when the state allows the action but none of the roles does', () => {
    const e = refusal(() => gate.next('SHUT', 'open', ['CONTROL_ROOM'], keyed));
    expect(e).toBeInstanceOf(ForbiddenException);
    expect(e.getResponse()).toMatchObject({ message: 'open needs one of the roles: OFFICER', state: 'SHUT', action: 'open' });
  });

  it('refuses with 409 when the guard says no, carrying its reason and details, and leaves the action out of allowed', () => {
    const e = refusal(() => gate.next('SHUT', 'lock', ['CONTROL_ROOM'], keyless));
    expect(e.getStatus()).toBe(409);
    expect(e.getResponse()).toEqual({ keyIssued: false, message: 'Gate 7 is SHUT: no key is issued; you may: log', state: 'SHUT', action: 'lock', allowed: ['log'] });
    expect(gate.allowedActions('SHUT', ['CONTROL_ROOM'], keyless)).toEqual(['log']);
  });

  it('does not consult the guard for a user without the role: 403, no record details', () => {
    const e = refusal(() => gate.next('SHUT', 'lock', ['OFFICER'], keyless));
    expect(e.getStatus()).toBe(403);
    expect(e.getResponse()).not.toHaveProperty('keyIssued');
  });

  it('keeps system steps out of every user\'s actions and out of the route roles', () => {
    for (const roles of everyRoleSet().filter((r) => !r.includes(SYSTEM))) {
      expect(gate.allowedActions('LOCKED', roles, keyed)).toEqual([]);
    }
    expect(gate.routeRoles('unlock')).toEqual([]);
    expect(gate.routeRoles('shut')).toEqual(['OFFICER', 'CONTROL_ROOM']);
    expect(refusal(() => gate.next('LOCKED', 'unlock', ['ADMIN'], keyed)).getResponse()).toMatchObject({ message: 'unlock needs one of the roles: none (the system takes this step)' });
  });

  it('gives the states one step away, whoever takes the step', () => {
    expect(gate.targets('OPEN')).toEqual(['SHUT']);
    expect(gate.targets('SHUT')).toEqual(['OPEN', 'SHUT', 'LOCKED']);
    expect(gate.targets('LOCKED')).toEqual(['SHUT']);
  });

  it('names the record generically when the table has no subject', () => {
    const plain = new StateMachine({ name: 'file', states: ['A', 'B'], actions: { go: { from: ['A'], to: 'B', roles: ['ADMIN'] } } });
    expect(refusal(() => plain.next('B', 'go', ['ADMIN'])).message).toBe('this file is B: go (to B) is not possible; there is nothing you can do with it now');
  });

  it('refuses a table that names an unknown state or has an action nobody may take', () => {
    expect(() => new StateMachine({ name: 'bad', states: ['A'], actions: { go: { from: ['A'], to: 'Z' as 'A', roles: ['ADMIN'] } } })).toThrow('unknown states Z');
    expect(() => new StateMachine({ name: 'bad', states: ['A'], actions: { go: { from: ['A'], to: 'A', roles: [] } } })).toThrow('needs from-states and roles');
  });

  it('property: next succeeds exactly for the actions allowedActions lists (the example table)', () => {
    expect(tableViolations(gate, [keyed, keyless])).toEqual([]);
  });

  it('property: next succeeds exactly for the actions allowedActions lists (200 random tables)', () => {
    let seed = 20260101;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const roles: WorkflowRole[] = [...ROLES, SYSTEM];
    const pick = <T>(xs: readonly T[]) => xs.filter(() => rand(3) === 0);
    const roleSets = [[], ['ADMIN'], ['OFFICER', 'AUDITOR'], ['CONTROL_ROOM', 'APPROVER', 'DUTY_OFFICER'], [SYSTEM], roles] as WorkflowRole[][];
    for (let n = 0; n < 200; n++) {
      const states = ['S0', 'S1', 'S2', 'S3', 'S4'].slice(0, 1 + rand(5));
      const actions: Record<string, Transition<string, { flag: number }>> = {};
      for (let a = 0; a < 1 + rand(6); a++) {
        const from = pick(states);
        const guardOn = rand(4);
        actions[`a${a}`] = {
          from: from.length ? from : [states[0]!],
          to: states[rand(states.length)]!,
          roles: (() => {
            const r = pick(roles);
            return r.length ? r : [roles[rand(roles.length)]!];
          })(),
          ...(guardOn < 2 ? { guard: (rec: { flag: number }) => (rec.flag === guardOn ? { message: 'guarded' } : null) } : {}),
        };
      }
      const machine = new StateMachine({ name: `table ${n}`, states, actions });
      expect(tableViolations(machine, [{ flag: 0 }, { flag: 1 }, { flag: 2 }], roleSets)).toEqual([]);
    }
  });
});
