/** `{field: {from, to}}` for the fields that changed: what an audit row should say about an edit. */
export function changedFields<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[String(key)] = { from: before[key], to: after[key] };
  }
  return out;
}
