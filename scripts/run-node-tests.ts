// Runs the suite's Node tests (`*.test.ts`, not the Playwright `*.spec.ts`) with node:test, since
// Node 20 cannot expand globs itself. `--pact` runs the Pact consumer tests instead; `--exclude X`
// leaves out paths that start with X; any other argument keeps only paths that contain it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { withTypescript } from '../config/typescript-node.ts';

const args = process.argv.slice(2);
const pactOnly = args.includes('--pact');
const excluded = args.flatMap((arg, index) => (args[index - 1] === '--exclude' ? [arg] : []));
const filters = args.filter((arg, index) => arg !== '--pact' && arg !== '--exclude' && args[index - 1] !== '--exclude');
const ignoredDirectories = /(^|\/)(node_modules|reports|test-results|\.git)(\/|$)/;

const files = readdirSync('.', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !ignoredDirectories.test(file))
  .filter((file) => file.endsWith('.pact.test.ts') === pactOnly)
  .filter((file) => !excluded.some((prefix) => file.startsWith(prefix)))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error(`no test files match ${filters.join(', ') || (pactOnly ? '*.pact.test.ts' : '*.test.ts')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  withTypescript('--test', '--test-concurrency=2', '--test-reporter=spec', ...files),
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
