/** `npm run bench`: every benchmark, one table each. Not a test: figures are reported, not asserted. */
import { benchCore } from './core.js';

const suites: [string, () => Promise<Record<string, unknown>>][] = [['core: CLI and rules', benchCore]];

for (const [name, run] of suites) {
  console.log(`\n## ${name}`);
  console.table(await run());
}
