/** Great-circle distance in kilometres; Bhopal spans ~30 km, so haversine is plenty. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The `k` candidates with the smallest distance, nearest first (ties by input order).
 * Insertion into a short sorted buffer: O(n·k) worst case, close to O(n) in practice,
 * and far cheaper than sorting thousands of officers for every post.
 */
export function nearest(
  candidates: readonly number[],
  distance: (candidate: number) => number,
  k: number,
): number[] {
  const picked: number[] = [];
  const picks: number[] = [];
  for (const candidate of candidates) {
    const d = distance(candidate);
    if (picked.length === k && d >= picks[k - 1]) continue;
    let at = picked.length < k ? picked.length : k - 1;
    while (at > 0 && picks[at - 1] > d) {
      if (at < k) {
        picks[at] = picks[at - 1];
        picked[at] = picked[at - 1];
      }
      at--;
    }
    picks[at] = d;
    picked[at] = candidate;
  }
  return picked;
}
