import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The module boundary rule in eslint.config.mjs, run on planted files: a module reaches another
 * module or a platform folder only through its index.ts. If the rule is dropped or loosened,
 * these fail.
 */
describe('module boundaries (eslint no-restricted-imports)', () => {
  // The project's own config; loaded here, not by ESLint, because Jest's module runtime cannot
  // run ESLint's dynamic import of an .mjs file (Jest compiles it to CommonJS instead).
  const root = join(__dirname, '..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(root, 'eslint.config.mjs')).default;
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

  /** The boundary rule's complaints about one line planted in a file at `filePath`. */
  async function boundaryErrors(filePath: string, line: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${line}\n`, { filePath });
    return result!.messages
      .filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2)
      .map((m) => m.message);
  }

  it.each([
    [
      'src/modules/vip-programmes/planted.ts',
      `import { BandobastService } from '../duty-charts/bandobast/bandobast.service';`,
    ],
    ['src/modules/vip-programmes/planted.ts', `import { ClashDetector } from '../protests/index';`],
    [
      'src/modules/duty-charts/charts/planted.ts',
      `import { Officer } from '../../personnel/officer.entity';`,
    ],
    [
      'src/modules/duty-charts/charts/planted.ts',
      `export { Officer } from '../../../modules/personnel/officer.entity';`,
    ],
    ['src/modules/dak/planted.ts', `import type { Officer } from '../personnel/officer.entity';`],
    [
      'src/modules/protests/clash/planted.ts',
      `import { Unit } from '../../../platform/units/unit.entity';`,
    ],
    [
      'src/modules/personnel/planted.ts',
      `import { AuditService } from '../../platform/audit/audit.service';`,
    ],
  ])('%s: %s is an error', async (filePath, line) => {
    expect(await boundaryErrors(filePath, line)).toEqual([
      expect.stringMatching(/public face|index\.ts/),
    ]);
  });

  it('still refuses a bare transaction in a module (the unit-of-work rule rides along)', async () => {
    const line = `import { TransactionService } from '../../platform/database/transaction.service';`;
    expect(await boundaryErrors('src/modules/dak/planted.ts', line)).toEqual(
      expect.arrayContaining([expect.stringMatching(/UnitOfWork/)]),
    );
  });

  it.each([
    ['src/modules/dak/planted.ts', true],
    ['src/platform/eoffice/planted.ts', true],
    ['src/platform/database/planted.ts', false],
  ])('%s: opening a transaction by hand is an error: %s', async (filePath, refused) => {
    const [result] = await eslint.lintText(`export const f = (ds: { transaction(w: () => void): void }) => ds.transaction(() => undefined);\n`, { filePath });
    const complaints = result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && /UnitOfWork/.test(m.message));
    expect(complaints.length > 0).toBe(refused);
  });

  it.each([
    ['src/modules/vip-programmes/planted.ts', `import { BandobastService } from '../duty-charts';`],
    [
      'src/modules/duty-charts/charts/planted.ts',
      `import { PersonnelDirectory } from '../../personnel';`,
    ],
    ['src/modules/duty-charts/charts/planted.ts', `import { solve } from '../solver/solve';`],
    [
      'src/modules/duty-charts/planted.ts',
      `import { BandobastService } from './bandobast/bandobast.service';`,
    ],
    [
      'src/modules/protests/clash/planted.ts',
      `import { UnitsService } from '../../../platform/units';`,
    ],
    [
      'src/modules/protests/planted.spec.ts',
      `import { tableViolations } from '../../platform/workflow/testing';`,
    ],
  ])('%s: %s is allowed', async (filePath, line) => {
    expect(await boundaryErrors(filePath, line)).toEqual([]);
  });

  it('every module has its public face', () => {
    const modules = readdirSync(join(root, 'src', 'modules'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    expect(modules.map((d) => d.name)).toEqual(
      expect.arrayContaining(['dak', 'duty-charts', 'personnel', 'protests', 'vip-programmes']),
    );
    for (const m of modules)
      expect([m.name, existsSync(join(root, 'src', 'modules', m.name, 'index.ts'))]).toEqual([
        m.name,
        true,
      ]);
  });

  /**
   * Which tables each module owns. A module's SQL names only its own tables; the platform's are
   * reached through platform services (UsersService, AuditQueryService, DocumentsService…).
   * `unit` is left out on purpose: a join to the unit tree for scoping by subtree stays in SQL.
   */
  const OWNERS: Record<string, string[]> = {
    dak: ['dak_receipt', 'dak_movement', 'dak_scan', 'dak_file', 'dak_reply'],
    'duty-charts': [
      'bandobast',
      'bandobast_division',
      'bandobast_sector',
      'bandobast_post',
      'bandobast_shift',
      'duty_chart',
      'duty_assignment',
      'duty_slip',
      'duty_slip_notice',
    ],
    personnel: ['officer', 'officer_availability'],
    protests: [
      'protest_application',
      'protest_attachment',
      'protest_letter',
      'protest_restriction_order',
      'protest_venue',
    ],
    verifications: [
      'criminal_record',
      'criminal_record_import',
      'criminal_record_staged',
      'verification_application',
      'verification_attachment',
      'verification_field_visit',
      'verification_locality',
      'verification_record_hit',
    ],
    'vip-programmes': [
      'protectee',
      'security_category',
      'vip_programme',
      'vip_programme_revision',
      'vip_leg',
      'vip_distribution',
    ],
    platform: [
      'app_user',
      'refresh_token',
      'audit_log',
      'issued_document',
      'eoffice_outbox',
      'notification',
      'idempotency_key',
      'system_mode',
      'eoffice_outage',
      'housekeeping_run',
    ],
  };
  const PLATFORM_ENTITIES = [
    'User',
    'RefreshToken',
    'AuditLogEntry',
    'IssuedDocument',
    'OutboxItem',
  ];

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? sourceFiles(join(dir, d.name))
        : d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts')
          ? [join(dir, d.name)]
          : [],
    );
  }

  it("no module's SQL or repository reads another module's or the platform's tables", () => {
    const owner = new Map(
      Object.entries(OWNERS).flatMap(([m, tables]) => tables.map((t) => [t, m] as const)),
    );
    const foreign: string[] = [];
    for (const module of Object.keys(OWNERS).filter((m) => m !== 'platform')) {
      for (const file of sourceFiles(join(root, 'src', 'modules', module))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([a-z_]+)\b/g)) {
          const of = owner.get(m[1]!);
          if (of && of !== module) foreign.push(`${file.slice(root.length + 1)}: ${m[0]} (${of})`);
        }
        const entities = PLATFORM_ENTITIES.join('|');
        const repo = new RegExp(
          `\\b(?:getRepository|find\\w*|insert|update|save|delete|count)\\((?:${entities})\\b`,
          'g',
        );
        for (const m of text.matchAll(repo))
          foreign.push(`${file.slice(root.length + 1)}: ${m[0]} (platform)`);
      }
    }
    expect(foreign).toEqual([]);
  });
});
