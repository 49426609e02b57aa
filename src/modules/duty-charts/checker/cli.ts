/**
 * Checks a chart independently of the solver:
 *   npx ts-node --transpile-only src/modules/duty-charts/checker/cli.ts instance.json solution.json
 * Prints the violations and fairness figures as JSON. Exit 0: no violations; 1: violations; 2: unreadable input.
 */
import { readFileSync } from 'node:fs';
import { checkDutyChart } from './check-chart';

function readJson(path: string | undefined, what: string): unknown {
  if (!path)
    throw new Error(`usage: checker/cli.ts <instance.json> <solution.json> (missing ${what})`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

try {
  const instance = readJson(process.argv[2], 'instance');
  const solution = readJson(process.argv[3], 'solution');
  const report = checkDutyChart(instance as never, solution as never);
  console.log(JSON.stringify(report, null, 2));
  console.error(`${report.violations.length} hard violations`);
  process.exit(report.violations.length === 0 ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
