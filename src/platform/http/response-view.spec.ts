import { ApiProperty } from '@nestjs/swagger';
import { PageOf, ResponseView } from './response-view';

class UnitView extends ResponseView {
  @ApiProperty() code!: string;
}

class OfficerView extends ResponseView {
  @ApiProperty() beltNo!: string;
  @ApiProperty({ type: Date, nullable: true }) leftAt!: Date | null;
  @ApiProperty({ type: UnitView, nullable: true }) unit!: UnitView | null;
  @ApiProperty({ type: [UnitView] }) formerUnits!: UnitView[];
  @ApiProperty({ type: 'object', additionalProperties: true }) extra!: Record<string, unknown>;
}

describe('ResponseView.from', () => {
  const entity = {
    beltNo: 'BPL-00001',
    passwordHash: 'secret',
    leftAt: null,
    unit: { code: 'TT_NAGAR', path: 'BPL.ZONE_1.TT_NAGAR' },
    formerUnits: [{ code: 'MP_NAGAR', id: 'u2' }],
    extra: { any: { nested: 'thing' } },
  };

  it('copies only the declared fields, nested views and arrays of them included', () => {
    const view = OfficerView.from(entity);
    expect(view).toBeInstanceOf(OfficerView);
    expect(JSON.parse(JSON.stringify(view))).toEqual({
      beltNo: 'BPL-00001',
      leftAt: null,
      unit: { code: 'TT_NAGAR' },
      formerUnits: [{ code: 'MP_NAGAR' }],
      extra: { any: { nested: 'thing' } },
    });
  });

  it('keeps a null nested view null and leaves out what the source does not have', () => {
    const view = OfficerView.from({ ...entity, unit: null, formerUnits: [] });
    expect(JSON.parse(JSON.stringify(view))).toMatchObject({ unit: null, formerUnits: [] });
    expect(JSON.parse(JSON.stringify(UnitView.from({} as UnitView)))).toEqual({});
  });

  it('pages items through their view, under a name of their own', () => {
    const UnitPage = PageOf(UnitView);
    expect(UnitPage.name).toBe('UnitPage');
    const page = UnitPage.from({
      total: 2,
      items: [{ code: 'A', path: 'x' } as UnitView, { code: 'B' }],
    });
    expect(JSON.parse(JSON.stringify(page))).toEqual({
      total: 2,
      items: [{ code: 'A' }, { code: 'B' }],
    });
  });
});
