// Runs the suite's Node tests (`*.test.ts`, not the Playwright `*.spec.ts`) with node:test, since
// Node 20 cannot expand globs itself. `--pact` runs the Pact consumer tests instead, and
// `--pact-first` runs them before the others (which read the pact they write), stopping when they
// fail; `--exclude X` leaves out paths that start with X; any other argument keeps only paths that
// contain it (`--pact` runs every Pact consumer test, whatever else it is given).
// Test files that start no process of their own (no child_process, no entry point, no stand-in k6)
// share one Node process, about 0.4 s of CPU saved each: a file that cannot load fails alone, under
// its own name. The others get a process each, the longest last time first (scripts/test-durations.ts):
// a long one started last left a core idle at the end. They run from this process, through
// run-test-files.ts, which keeps that order, and inherit its TypeScript loader. Four run at a time:
// they wait on their children and sockets much of the time, and with three, a core was a third idle
// for the seconds after the contracts and e2e runs ended (vmstat, on 2 cores).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTestFiles } from './run-test-files.ts';
import { longestFirst, recordDurations } from './test-durations.ts';

// The test files inherit this process's flags: without the loader, Node would not run them, or
// (22.18 and later) would strip their types its own way.
if (!process.execArgv.some((flag) => flag.endsWith('ts-loader/register.mjs'))) {
  console.error(
    "scripts/run-node-tests.ts runs under the suite's TypeScript loader, which its test files inherit: node --import ./scripts/ts-loader/register.mjs scripts/run-node-tests.ts, as the npm scripts run it",
  );
  process.exit(2);
}
const args = process.argv.slice(2);
const flags = ['--pact', '--pact-first', '--exclude'];
const excluded = args.flatMap((arg, index) => (args[index - 1] === '--exclude' ? [arg] : []));
const filters = args.filter((arg, index) => !flags.includes(arg) && args[index - 1] !== '--exclude');
const IGNORED_FOLDERS = ['node_modules', 'reports', 'test-results', '.git'];

/** The `*.test.ts` files under `folder`, by path from it, never looking into the ignored folders (node_modules: 0.13 s). */
function testFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = folder === '.' ? entry.name : join(folder, entry.name);
    if (entry.isDirectory()) return IGNORED_FOLDERS.includes(entry.name) ? [] : testFilesUnder(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const testFiles = testFilesUnder('.').sort();
const pactFiles = testFiles.filter((file) => file.endsWith('.pact.test.ts'));
const files = args.includes('--pact')
  ? pactFiles
  : testFiles
      .filter((file) => !pactFiles.includes(file))
      .filter((file) => !excluded.some((prefix) => file.startsWith(prefix)))
      .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));

if (files.length === 0) {
  console.error(
    `no test files match ${filters.join(', ') || (args.includes('--pact') ? '*.pact.test.ts' : '*.test.ts')}`,
  );
  process.exit(1);
}

/** A test that starts processes (its own entry points, k6, Playwright) waits on them, and keeps a process of its own. */
const startsProcesses = (file: string) =>
  /node:child_process|(run-entry-point|stand-in-k6|verify-in-turn)\.ts/.test(readFileSync(file, 'utf8'));

const folder = mkdtempSync(join(tmpdir(), 'engage-node-tests-'));

/** One module that imports the `shared` test files, so that node:test runs them in one process. */
function sharedEntry(shared: string[]): string[] {
  if (shared.length < 2) return shared;
  const entry = join(folder, 'tests-without-processes.test.mjs');
  const imports = shared.map((file) => [file, pathToFileURL(resolve(file)).href]);
  writeFileSync(
    entry,
    // The root's first hook waits for every file to load: no test starts while later files (and their
    // top-level before hooks) are still loading, as when each file had its own process.
    `import { before, test } from 'node:test';
let loaded;
const allLoaded = new Promise((resolve) => { loaded = resolve; });
before(() => allLoaded);
for (const [file, url] of ${JSON.stringify(imports)}) {
  try {
    await import(url);
  } catch (error) {
    test(\`\${file} loads\`, () => { throw error; });
  }
}
loaded();
`,
  );
  return [entry];
}

/** Runs `tests` with node:test, the ones that start no process in one process; whether they passed. */
async function run(tests: string[]): Promise<boolean> {
  if (tests.length === 0) return true;
  const shared = tests.filter((file) => !startsProcesses(file));
  const own = longestFirst(tests.filter(startsProcesses));
  const { passed, durations } = await runTestFiles([...sharedEntry(shared), ...own], 4, process.stdout);
  recordDurations(new Map([...durations].filter(([file]) => own.includes(relative(resolve('.'), file)))));
  return passed;
}

const passed = (!args.includes('--pact-first') || (await run(pactFiles))) && (await run(files));
rmSync(folder, { recursive: true, force: true });
// Not process.exit(): the end of the report, piped to stdout, may still be on its way.
process.exitCode = passed ? 0 : 1;
