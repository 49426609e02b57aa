/**
 * `npm run solve -- instance.json [--seed N]`
 *
 * Prints the solution JSON on stdout and progress on stderr. Exit 0 when a chart (OK)
 * or a shortfall report (INFEASIBLE) was produced; exit 2, with a message naming the
 * field, when the file cannot be read or the instance is invalid; exit 1 on a bug.
 */
import { readFileSync } from 'node:fs';
import { solve } from './solve';
import { InvalidInstanceError } from './validate';

const EXIT_INVALID_INPUT = 2;

function fail(message: string): never {
  console.error(message);
  process.exit(EXIT_INVALID_INPUT);
}

function main(argv: string[]): void {
  const path = argv.find((arg, index) => !arg.startsWith('--') && argv[index - 1] !== '--seed');
  if (!path) fail('usage: npm run solve -- <instance.json> [--seed N]');
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : undefined;
  if (seed !== undefined && !Number.isInteger(seed))
    fail(`--seed: must be an integer, got ${JSON.stringify(argv[seedAt + 1])}`);

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(
      `${path}: cannot read the file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let instance: unknown;
  try {
    instance = JSON.parse(text);
  } catch (error) {
    fail(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const solution = solve(instance, { seed, log: (line) => console.error(line) });
    process.stdout.write(`${JSON.stringify(solution, null, 2)}\n`);
  } catch (error) {
    if (error instanceof InvalidInstanceError)
      fail(`${path}: invalid instance\n  ${error.errors.join('\n  ')}`);
    throw error;
  }
}

main(process.argv.slice(2));
