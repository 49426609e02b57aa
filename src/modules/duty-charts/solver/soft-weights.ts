/**
 * Exchange rates between the soft goals. The unit is "penalty points"; with the
 * defaults, moving an 8-hour duty from an officer to a colleague with 10 fewer
 * rolling-30-day hours is worth 160 points, as much as 4 km of travel.
 */
export interface SoftWeights {
  /** Per hour² of rolling 30-day duty hours (history + this chart), summed over all officers. */
  load: number;
  /** Per (rolling 30-day night duties)², summed over all officers. */
  nights: number;
  /** Per officer, times the share of sector colleagues who come from another unit/thana. */
  unitMix: number;
  /** Per km between the officer's location and the post. */
  distanceKm: number;
  /** Per change of post between duties on consecutive days. */
  postChange: number;
  /** Per rank step when a higher rank fills a lower slot (only with higherRankMayFillLower). */
  rankAbove: number;
}

export const DEFAULT_WEIGHTS: SoftWeights = {
  load: 1,
  nights: 64,
  unitMix: 400,
  distanceKm: 40,
  postChange: 200,
  rankAbove: 1500,
};
