import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PG_INTEGER_MAX } from './field-error';

/**
 * Rules every request DTO keeps, checked over every class-validator class in src/ (the
 * configuration excepted: it is not request input), so a new field cannot forget them:
 * - a whole number has a @Min and a @Max within PostgreSQL's integer (or, said so, bigint);
 * - a nested object that is not @IsOptional is @IsDefined (a missing `from` passed
 *   validation and threw a TypeError);
 * - a date or time is read by the one IST rule (platform/time), through @DateTimeField,
 *   @DateField or @TimeOfDayField: a local time is IST, not UTC, and 2026-02-30 is refused.
 */
const SRC = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const dtoFiles = sourceFiles(SRC).filter((f) => {
  const rel = relative(SRC, f);
  return !rel.startsWith('config') && !rel.startsWith('cli') && /from 'class-validator'/.test(readFileSync(f, 'utf8'));
});

type Meta = ValidationMetadata & { name?: string };

function byProperty(): Map<string, Meta[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, Meta[]> };
  const out = new Map<string, Meta[]>();
  for (const [target, list] of storage.validationMetadatas) {
    if (/Env|Config/.test(target.name)) continue;
    for (const m of list) {
      const key = `${target.name}.${m.propertyName}`;
      out.set(key, [...(out.get(key) ?? []), m]);
    }
  }
  return out;
}

describe('request DTO rules', () => {
  let properties: Map<string, Meta[]>;
  beforeAll(async () => {
    for (const file of dtoFiles) await import(file);
    properties = byProperty();
  });

  const has = (list: Meta[], name: string) => list.some((m) => m.name === name);

  it('finds the DTOs', () => {
    expect(dtoFiles.length).toBeGreaterThan(15);
    expect(properties.has('LegDto.from')).toBe(true);
    expect(properties.has('AuditQueryDto.before')).toBe(true);
  });

  it('bounds every whole number within PostgreSQL integer (bigint where declared)', () => {
    const problems: string[] = [];
    for (const [key, list] of properties) {
      if (!has(list, 'isInt')) continue;
      const min = list.find((m) => m.name === 'min')?.constraints?.[0] as number | undefined;
      const max = list.find((m) => m.name === 'max')?.constraints?.[0] as number | undefined;
      if (min === undefined) problems.push(`${key}: no @Min`);
      if (max === undefined) problems.push(`${key}: no @Max`);
      else if (max > PG_INTEGER_MAX && max > Number.MAX_SAFE_INTEGER) problems.push(`${key}: @Max(${max}) beyond a safe integer`);
      else if (min !== undefined && min < -PG_INTEGER_MAX - 1) problems.push(`${key}: @Min(${min}) below PostgreSQL integer`);
    }
    expect(problems).toEqual([]);
  });

  it('requires every nested object that is not optional', () => {
    const problems: string[] = [];
    for (const [key, list] of properties) {
      if (!list.some((m) => m.type === 'nestedValidation')) continue;
      const optional = list.some((m) => m.type === 'conditionalValidation');
      const present = list.some((m) => m.type === 'isDefined' || m.name === 'isArray' || m.name === 'isObject');
      if (!optional && !present) problems.push(`${key}: @ValidateNested without @IsDefined (a missing value passes)`);
    }
    expect(problems).toEqual([]);
  });

  it('reads every date and time through the one IST rule (platform/time readIstInstant)', () => {
    const problems: string[] = [];
    const ist = ['isIstDateTime', 'isIstDate', 'isIstTimeOfDay'];
    for (const [key, list] of properties) {
      // A bare class-validator date check reads a local time as UTC, or leaves it for `new Date` to.
      for (const m of list.filter((x) => ['isIso8601', 'isDateString', 'isDate', 'minDate', 'maxDate', 'isMilitaryTime'].includes(x.name ?? '')))
        problems.push(`${key}: @${m.name}; use @DateTimeField, @DateField or @TimeOfDayField (platform/http)`);
      // A field named as a time is one of them, unless it is a nested place (a leg's from and to).
      const name = key.split('.')[1]!;
      const nested = list.some((m) => m.type === 'nestedValidation');
      if (/(At|Date|Time)$|^(from|to|start|end)$/.test(name) && !nested && !list.some((m) => ist.includes(m.name ?? '')))
        problems.push(`${key}: looks like a date or time but is not read by the IST rule`);
    }
    expect(problems).toEqual([]);
  });

  it('finds the date and time fields it speaks of', () => {
    const ist = [...properties].filter(([, list]) => list.some((m) => m.name === 'isIstDateTime')).map(([key]) => key);
    expect(ist).toEqual(expect.arrayContaining(['LegDto.start', 'ShiftDto.reportAt', 'IntakeDto.receivedAt', 'CreateAvailabilityDto.from', 'DakQueryDto.to', 'ProtestQueryDto.from', 'AuditQueryDto.from']));
    expect(properties.get('CreateDakDto.letterDate')!.some((m) => m.name === 'isIstDate')).toBe(true);
    expect(properties.get('CreateVenueDto.opensAt')!.some((m) => m.name === 'isIstTimeOfDay')).toBe(true);
  });
});
