/**
 * The people and units a view names, looked up in one batch and read back by id: a view
 * collects every id it shows, asks once (`UsersService.people`, `UnitsService.refs`), and
 * builds its body from the answer, so a list never asks once per row.
 */
export class References<T> {
  constructor(
    private readonly found: ReadonlyMap<string, T>,
    /** What an id that resolves to nothing shows (never expected: rows are retired, not deleted). */
    private readonly missing: (id: string) => T,
  ) {}

  of(id: string): T {
    return this.found.get(id) ?? this.missing(id);
  }

  /** Null stays null: nobody has taken that step yet. */
  ofOptional(id: string | null | undefined): T | null {
    return id ? this.of(id) : null;
  }

  each(ids: readonly string[]): T[] {
    return ids.map((id) => this.of(id));
  }
}

type MaybeId = string | null | undefined;

/** The distinct ids among these (single ids or lists of them), nulls and empty strings left out: what to ask for. */
export function idsOf(...ids: ReadonlyArray<MaybeId | readonly MaybeId[]>): string[] {
  const out = new Set<string>();
  for (const id of ids.flat()) if (id) out.add(id);
  return [...out];
}
