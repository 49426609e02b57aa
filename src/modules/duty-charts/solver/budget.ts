/**
 * Work budgets for the phases after construction. Each phase gets an amount of work that
 * scales with the instance and with how far the chart is from the proven bound, counted
 * in officer-side checks (`DutyChartState.work`), never in time, so the same instance and
 * seed still give the same chart. A phase stops at the first of: the chart meets the
 * proven lower bound (nothing can do better), its work is spent, or the solve's clock
 * runs out (a time limit or a cancel: the only way a clock enters the solver, and then
 * only to stop it, keeping the best chart so far).
 */
import { DutyChartState } from './chart-state';
import { PhaseStats } from './types';

export type StopReason = PhaseStats['stoppedBy'];
export type PhaseReport = PhaseStats;

/** The solve's deadline (a wall-clock limit, or a stop asked for from outside). */
export class SolveClock {
  private stopped = false;

  constructor(
    private readonly deadline: number = Infinity,
    private readonly shouldStop: () => boolean = () => false,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True once the time is up or a stop was asked for; sticky. Callers ask between moves, not inside them. */
  get expired(): boolean {
    if (this.stopped) return true;
    this.stopped = this.now() >= this.deadline || this.shouldStop();
    return this.stopped;
  }
}

export class PhaseBudget {
  private readonly startWork: number;
  private readonly unmetBefore: number;
  private reason: StopReason | null = null;

  constructor(
    readonly phase: string,
    private readonly state: DutyChartState,
    readonly limit: number,
    /** The proven lower bound on unmet units; -Infinity for a phase that does not cover (local search). */
    readonly bound: number,
    private readonly clock: SolveClock,
  ) {
    this.startWork = state.work;
    this.unmetBefore = state.deficit;
  }

  /** True once the phase must stop; checked between moves, never inside one. */
  get over(): boolean {
    if (this.reason) return true;
    if (this.state.deficit <= this.bound) this.reason = 'bound';
    else if (this.spent >= this.limit) this.reason = 'budget';
    else if (this.clock.expired) this.reason = 'time';
    return this.reason !== null;
  }

  get spent(): number {
    return this.state.work - this.startWork;
  }

  get stoppedBy(): StopReason {
    return this.reason ?? 'complete';
  }

  report(): PhaseReport {
    // A phase that ran out of things to try exactly at the bound stopped there too.
    if (!this.reason && this.state.deficit <= this.bound) this.reason = 'bound';
    return {
      phase: this.phase,
      work: this.spent,
      budget: this.limit,
      stoppedBy: this.stoppedBy,
      unmetBefore: this.unmetBefore,
      unmetAfter: this.state.deficit,
    };
  }
}
