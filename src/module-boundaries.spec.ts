import { ESLint } from 'eslint';
import { existsSync, readdirSync } from 'node:fs';
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
});
