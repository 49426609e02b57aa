import { AttributeIndex } from './attributes';
import { DutyChartState } from './chart-state';
import { constructChart } from './construct';
import { generateBandobast } from './generator';
import { improveChart } from './local-search';
import { compileModel } from './model';
import { SeededRandom } from './rng';
import { DEFAULT_WEIGHTS } from './soft-weights';

describe('duty chart state', () => {
  it('keeps its incremental soft score equal to a full recount through construction, moves and rollbacks', () => {
    const { instance } = generateBandobast({ size: 'tiny', seed: 6 });
    const state = new DutyChartState(compileModel(instance), DEFAULT_WEIGHTS);
    constructChart(state, new AttributeIndex(state.model));
    expect(state.softCost).toBeCloseTo(state.recomputeSoftCost(), 6);
    improveChart(state, 2_000, new SeededRandom(1));
    expect(state.softCost).toBeCloseTo(state.recomputeSoftCost(), 6);
    const mark = state.beginTrial();
    const before = state.softCost;
    state.unassign(0);
    state.rollback(mark);
    expect(state.softCost).toBeCloseTo(before, 6);
  });
});
