import { Refusal, StateMachine } from '../../platform/workflow';

// The dak register: the whole workflow in one table, in e-Office's words (BRIEF §2). An item is
// diarised (numbered) at intake; one diarised from e-mail first waits for the dak clerk to
// confirm its grading. It is then marked to a holder (a unit, a section, an officer), who
// receives it (acknowledges), and forwards it (marks it on), replies, puts it into a file or
// closes it. A closed item may be reopened, with the reason.

export const DAK_STATUSES = ['AWAITING_CONFIRMATION', 'DIARISED', 'MARKED', 'RECEIVED', 'CLOSED'] as const;
export type DakStatus = (typeof DAK_STATUSES)[number];

/** Everyone who can hold dak; the auditor reads the register but never holds an item. */
export const DAK_HOLDER_ROLES = ['ADMIN', 'CONTROL_ROOM', 'APPROVER', 'VERIFIER', 'DUTY_OFFICER', 'OFFICER'] as const;
/** The dak clerk's desk: confirms e-mailed items and marks fresh ones, whoever holds them. */
export const DAK_DESK_ROLES = ['CONTROL_ROOM', 'ADMIN'] as const;

/** What the guards read: the item, and where the user stands to it. */
export interface DakActing {
  ref: string;
  /** The user holds it: it is marked to them, or to their unit and no officer has taken it. */
  holder: boolean;
  /** The user works the dak desk (CONTROL_ROOM or ADMIN). */
  desk: boolean;
  /** It was marked to someone once (a reopened item goes back to its last holder as received). */
  marked: boolean;
}

const byHolder = (d: DakActing): Refusal | null => (d.holder ? null : { message: `only the holder of ${d.ref} (the officer, or a user of the unit it is marked to) may do this` });
const byHolderOrDesk = (d: DakActing): Refusal | null =>
  d.holder || d.desk ? null : { message: `only the holder of ${d.ref} or the dak desk (CONTROL_ROOM, ADMIN) may do this` };
const reopenable = (d: DakActing): Refusal | null => {
  if (!d.marked) return { message: `${d.ref} was closed before it was marked to anyone: there is no holder to reopen it to` };
  return byHolderOrDesk(d);
};

/**
 * Each action of the API, the states it starts from, where it leads, and who may take it. The
 * guards add the holder rule: who may act on an item is its current holder, plus the dak desk
 * for fresh items (confirm, mark, close before marking) and for reopening.
 */
export const DAK_WORKFLOW = new StateMachine({
  name: 'dak receipt',
  states: DAK_STATUSES,
  subject: (d: DakActing) => d.ref,
  actions: {
    // The dak clerk confirms an item diarised from e-Mail: its grading, and then it is sent to e-Office.
    confirm: { from: ['AWAITING_CONFIRMATION'], to: 'DIARISED', roles: DAK_DESK_ROLES },
    mark: { from: ['DIARISED'], to: 'MARKED', roles: DAK_HOLDER_ROLES, guard: byHolderOrDesk },
    receive: { from: ['MARKED'], to: 'RECEIVED', roles: DAK_HOLDER_ROLES, guard: byHolder },
    forward: { from: ['RECEIVED'], to: 'MARKED', roles: DAK_HOLDER_ROLES, guard: byHolder },
    reply: { from: ['RECEIVED'], to: 'RECEIVED', roles: DAK_HOLDER_ROLES, guard: byHolder },
    putInFile: { from: ['RECEIVED'], to: 'RECEIVED', roles: DAK_HOLDER_ROLES, guard: byHolder },
    // Before marking only the desk holds it (a mail that is not dak, a duplicate); after, its holder.
    close: {
      from: ['AWAITING_CONFIRMATION', 'DIARISED', 'RECEIVED'],
      to: 'CLOSED',
      roles: DAK_HOLDER_ROLES,
      guard: (d, from) => (from === 'RECEIVED' ? byHolder(d) : byHolderOrDesk(d)),
    },
    reopen: { from: ['CLOSED'], to: 'RECEIVED', roles: DAK_HOLDER_ROLES, guard: reopenable },
  },
});
export type DakAction = (typeof DAK_WORKFLOW.actions)[number];

/** Open items: what an inbox shows. */
export const DAK_OPEN_STATUSES: readonly DakStatus[] = ['AWAITING_CONFIRMATION', 'DIARISED', 'MARKED', 'RECEIVED'];
