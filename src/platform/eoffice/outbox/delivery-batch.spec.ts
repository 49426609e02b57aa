import fc from 'fast-check';
import { deliveryBatchSize, deliveryJobsPerSecond, MAX_DELIVERY_BATCH } from './delivery-batch';

describe('delivery batches', () => {
  it('keeps batches of one at the real e-Office rate and fills them when the limits are raised', () => {
    expect(deliveryBatchSize(5, 8)).toBe(1);
    expect(deliveryBatchSize(50, 8)).toBe(6);
    expect(deliveryBatchSize(2000, 16)).toBe(MAX_DELIVERY_BATCH);
  });

  it('never lets jobs times their batch exceed the configured rows a second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 256 }), (perSecond, concurrency) => {
        const batch = deliveryBatchSize(perSecond, concurrency);
        const jobs = deliveryJobsPerSecond(perSecond, concurrency);
        expect(batch).toBeGreaterThanOrEqual(1);
        expect(batch).toBeLessThanOrEqual(MAX_DELIVERY_BATCH);
        expect(jobs * batch).toBeLessThanOrEqual(Math.max(perSecond, 1));
        // …and loses at most one batch's worth of the rate to rounding.
        expect(perSecond - jobs * batch).toBeLessThan(batch);
      }),
    );
  });
});
