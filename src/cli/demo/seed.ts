import * as argon2 from 'argon2';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { csvRecords, readCsv } from '../../platform/csv';
import { Rank } from '../../platform/ranks';
import { TransactionService } from '../../platform/database/transaction.service';
import { AuditService } from '../../platform/audit/audit.service';
import { PasswordService } from '../../platform/auth/password.service';
import { Role, ROLES } from '../../platform/auth/roles';
import { ROOT_UNIT } from '../../platform/units/root-unit';
import { UnitsService } from '../../platform/units/units.service';
import { FEMALE_FIRST, MALE_FIRST, SURNAMES } from './names';
import { progressOf } from '../progress';

/** Deterministic pseudo-random numbers, so the demo force is the same on every machine. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Shape of a thana's strength: mostly constables, a few officers (counts per thana). */
const THANA_STRENGTH: Array<[Rank, number]> = [
  ['INSPECTOR', 1], ['SI', 1], ['ASI', 1], ['HEAD_CONSTABLE', 2], ['CONSTABLE', 2],
];
const SENIOR_STAFF: Array<[Rank, number]> = [
  ['ADG', 1], ['DIG', 2], ['SP', 8], ['ASP', 10], ['DSP', 12],
];
const SKILLS = ['armed', 'traffic', 'driver', 'wireless', 'plain-clothes', 'bomb-disposal', 'dog-squad', 'first-aid'];

const ROLE_ACCOUNTS: Record<Role, { username: string; unit: string; rank: string; en: string; hi: string }> = {
  ADMIN: { username: 'demo.admin', unit: 'BPL', rank: 'INSPECTOR', en: 'Demo Administrator', hi: 'डेमो प्रशासक' },
  CONTROL_ROOM: { username: 'demo.control', unit: 'CONTROL_ROOM', rank: 'SI', en: 'Control Room Operator', hi: 'नियंत्रण कक्ष संचालक' },
  APPROVER: { username: 'demo.dcp.int', unit: 'DCP_INT_SEC', rank: 'SP', en: 'DCP (Int & Sec)', hi: 'पुलिस उपायुक्त (अभिसूचना एवं सुरक्षा)' },
  VERIFIER: { username: 'demo.verifier', unit: 'INT_BRANCH', rank: 'ASI', en: 'Verification Officer', hi: 'सत्यापन अधिकारी' },
  DUTY_OFFICER: { username: 'demo.duty', unit: 'ZONE_1', rank: 'INSPECTOR', en: 'Duty Officer, Zone-1', hi: 'ड्यूटी अधिकारी, ज़ोन-1' },
  OFFICER: { username: 'demo.officer', unit: 'TT_NAGAR', rank: 'SI', en: 'SI, TT Nagar', hi: 'उप निरीक्षक, टीटी नगर' },
  AUDITOR: { username: 'demo.auditor', unit: 'BPL', rank: 'DSP', en: 'Auditor', hi: 'लेखा परीक्षक' },
};

export interface DemoResult {
  units: number;
  officers: number;
  accounts: Array<{ role: Role; username: string; password: string }>;
  alreadySeeded: boolean;
}

function zoneCode(zone: string): string {
  const m = /^Zone-(\d)/.exec(zone);
  return m ? `ZONE_${m[1]}` : 'ZONE_OUTER';
}

export function thanaCode(nameEn: string): string {
  return nameEn.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);
}

/**
 * Seeds the Bhopal commissionerate's zones and thanas, ~300 officers and one account per
 * role. Everything is marked is_demo. Running it again changes nothing.
 */
export async function seedDemo(dataSource: DataSource): Promise<DemoResult> {
  const tx = new TransactionService(dataSource);
  const audit = new AuditService(tx);
  const units = new UnitsService(dataSource);
  const passwords = new PasswordService();
  return tx.run(async (em) => {
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM app_user WHERE is_demo`);
    if (count > 0) return { units: 0, officers: 0, accounts: [], alreadySeeded: true };
    const unitCount = await seedUnits(em, units);
    const officerCount = await seedOfficers(em);
    const accounts: DemoResult['accounts'] = [];
    for (const role of ROLES) {
      const spec = ROLE_ACCOUNTS[role];
      const password = passwords.generate(14);
      const unit = await units.byCode(spec.unit, em);
      const [user] = await em.query(
        `INSERT INTO app_user (username, display_name_en, display_name_hi, rank, unit_id, roles, mobile, password_hash, must_change_password, is_demo)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,false,true) RETURNING id`,
        [spec.username, spec.en, spec.hi, spec.rank, unit.id, [role], `9${String(100000000 + randomInt(899999999))}`, await argon2.hash(password, { type: argon2.argon2id })],
      );
      accounts.push({ role, username: spec.username, password });
      await audit.record(em, { action: 'demo.user_seeded', entityType: 'user', entityId: user.id, diff: { username: spec.username, roles: [role] } });
    }
    await audit.record(em, { action: 'demo.seeded', entityType: 'demo', diff: { units: unitCount, officers: officerCount } });
    return { units: unitCount, officers: officerCount, accounts, alreadySeeded: false };
  });
}

async function seedUnits(em: EntityManager, units: UnitsService): Promise<number> {
  const rows = csvRecords(readCsv(readFileSync(join(__dirname, 'data', 'bhopal-units.csv'))).rows);
  const zones = new Map<string, string>();
  for (const r of rows) zones.set(zoneCode(r.zone!), r.zone!);
  let n = 0;
  if ((await em.query(`SELECT 1 FROM unit WHERE code = $1`, [ROOT_UNIT.code])).length === 0) {
    await units.create(em, ROOT_UNIT);
  }
  const create = async (u: Parameters<UnitsService['create']>[1]) => {
    const exists = await em.query(`SELECT 1 FROM unit WHERE code = $1`, [u.code]);
    if (exists.length === 0) {
      await units.create(em, { ...u, isDemo: true });
      n++;
    }
  };
  for (const [code, label] of zones) {
    const num = code.replace('ZONE_', '');
    const isNumbered = /^\d$/.test(num);
    await create({
      code,
      kind: 'ZONE',
      // Zone-4 is inferred in the source data; say so rather than present it as fact.
      nameEn: isNumbered ? `Zone-${num}${label.includes('inferred') ? ' (inferred)' : ''}` : 'Outer / unverified thanas',
      nameHi: isNumbered ? `ज़ोन-${num}${label.includes('inferred') ? ' (अनुमानित)' : ''}` : 'बाहरी / असत्यापित थाने',
      parentCode: 'BPL',
    });
  }
  await create({ code: 'CONTROL_ROOM', kind: 'BRANCH', nameEn: 'Police Control Room, Bhopal', nameHi: 'पुलिस नियंत्रण कक्ष, भोपाल', parentCode: 'BPL' });
  await create({ code: 'DCP_INT_SEC', kind: 'BRANCH', nameEn: 'DCP (Intelligence & Security)', nameHi: 'पुलिस उपायुक्त (अभिसूचना एवं सुरक्षा)', parentCode: 'BPL' });
  await create({ code: 'INT_BRANCH', kind: 'BRANCH', nameEn: 'Intelligence Branch', nameHi: 'अभिसूचना शाखा', parentCode: 'DCP_INT_SEC' });
  for (const r of rows) {
    await create({
      code: thanaCode(r.thana_en!),
      kind: 'THANA',
      nameEn: r.thana_en!,
      nameHi: r.thana_hi!,
      parentCode: zoneCode(r.zone!),
      lat: r.lat ? Number(r.lat) : null,
      lng: r.lng ? Number(r.lng) : null,
    });
  }
  return n;
}

async function seedOfficers(em: EntityManager): Promise<number> {
  const rnd = lcg(2026);
  const thanas: Array<{ id: string }> = await em.query(`SELECT id FROM unit WHERE kind = 'THANA' ORDER BY code`);
  const [hq] = await em.query(`SELECT id FROM unit WHERE code = 'BPL'`);
  const plan: Array<{ rank: Rank; unitId: string }> = [];
  for (const [rank, count] of SENIOR_STAFF) for (let i = 0; i < count; i++) plan.push({ rank, unitId: hq.id });
  for (const thana of thanas) for (const [rank, count] of THANA_STRENGTH) for (let i = 0; i < count; i++) plan.push({ rank, unitId: thana.id });
  let serial = 4000;
  const progress = progressOf('demo officers', plan.length, 'officers');
  for (const [n, { rank, unitId }] of plan.entries()) {
    progress.update(n + 1);
    const female = rnd(100) < 18;
    const [fEn, fHi] = female ? FEMALE_FIRST[rnd(FEMALE_FIRST.length)]! : MALE_FIRST[rnd(MALE_FIRST.length)]!;
    const [sEn, sHi] = SURNAMES[rnd(SURNAMES.length)]!;
    const skills = SKILLS.filter(() => rnd(100) < 22);
    const home = thanas[rnd(thanas.length)]!.id;
    await em.query(
      `INSERT INTO officer (belt_no, name_en, name_hi, rank, gender, unit_id, home_unit_id, mobile, skills, is_demo)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,true)`,
      [`BPL-${String(++serial).padStart(5, '0')}`, `${fEn} ${sEn}`, `${fHi} ${sHi}`, rank, female ? 'F' : 'M', unitId, home, `9${String(100000000 + rnd(899999999))}`, skills],
    );
  }
  progress.stop();
  return plan.length;
}
