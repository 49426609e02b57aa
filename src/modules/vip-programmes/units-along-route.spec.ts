import { thanasForLeg } from './units-along-route';

const thanas = [
  { id: 'tt', code: 'TT_NAGAR', lat: 23.2345, lng: 77.4 },
  { id: 'arera', code: 'ARERA_HILLS', lat: 23.246, lng: 77.3995 },
  { id: 'kotwali', code: 'KOTWALI', lat: 23.2625, lng: 77.4025 },
  { id: 'far', code: 'FAR', lat: 24.0, lng: 78.0 },
];

describe('units along a route', () => {
  it('assigns each point of a leg to the nearest thana', () => {
    const leg = {
      from: { name: 'New Market', lat: 23.2335, lng: 77.4005 },
      route: [{ name: 'Roshanpura', lat: 23.2392, lng: 77.3985 }],
      to: { name: 'Chowk', lat: 23.263, lng: 77.403 },
    };
    expect(thanasForLeg(leg, thanas).sort()).toEqual(['kotwali', 'tt']);
  });

  it('leaves points far from every thana unassigned', () => {
    const leg = { from: { name: 'A', lat: 22.5, lng: 76.5 }, route: [], to: { name: 'B', lat: 22.5, lng: 76.6 } };
    expect(thanasForLeg(leg, thanas)).toEqual([]);
  });
});
