// Proves how programs run as bundles: every program the suite starts bundles, modules keep their own
// import.meta.url, a changed source rebuilds, and what cannot be bundled runs under the loader.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { suiteLayers } from '../runner/layers.ts';
import { runNode } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { typescriptProgram } from './typescript-node.ts';

const folder = temporaryFolder('bundle');
const write = (name: string, text: string) => {
  writeFileSync(join(folder, name), text);
  return join(folder, name);
};
const entryPoint = resolve('config/entry-point.ts');

describe('every program the suite starts', () => {
  const layerPrograms = suiteLayers({ loadProfile: 'smoke' }).flatMap((layer) =>
    layer.steps.filter((step) => step.title !== 'playwright').map((step) => step.args()),
  );
  const programs = ['runner/main.ts', 'sandbox/main.ts', 'testing/stand-in-k6.ts', 'testing/verify-in-turn.ts'];
  it('runs as a bundle, not under the loader', () => {
    for (const args of [...layerPrograms, ...programs.map((program) => typescriptProgram(program))])
      assert.match(args.join(' '), /--enable-source-maps \S+engage-bundles\/[0-9a-f]{64}\.mjs/, args.join(' '));
  });
});

describe('a program run as its bundle', () => {
  mkdirSync(join(folder, 'lib'));
  write('lib/beside.json', '{ "found": "beside lib/where.ts" }');
  write(
    'lib/where.ts',
    `import { readFileSync } from 'node:fs';
     export const found = JSON.parse(readFileSync(new URL('./beside.json', import.meta.url), 'utf8')).found;`,
  );
  const main = write(
    'main.ts',
    `import { isEntryPoint } from '${entryPoint}';
     import { found } from './lib/where.ts';
     const written = 'import.meta.url';
     console.log(found, isEntryPoint(import.meta.url), written, process.argv.slice(2).join(' '));`,
  );

  it('runs from a bundle, each module reading the files beside it, the program knowing it is the entry point, a string left as written', async () => {
    const args = typescriptProgram(main, '--flag', 'value');
    assert.match(args.join(' '), /^--enable-source-maps \S+engage-bundles\/[0-9a-f]{64}\.mjs --flag value$/);
    const { code, output } = await runNode(args);
    assert.equal(code, 0, output);
    assert.equal(output, 'beside lib/where.ts true import.meta.url --flag value\n');
  });

  it("names the .ts file and line in an uncaught error's stack", async () => {
    // Types and a comment that the build strips come first: the stack must name the source's own lines.
    const throws = write(
      'throws.ts',
      'interface Reason {\n  text: string;\n}\n// Thrown on purpose.\nfunction boom(): never {\n  const reason: Reason = { text: "boom" };\n  throw new Error(reason.text);\n}\nboom();\n',
    );
    const args = typescriptProgram(throws);
    assert.match(args.join(' '), /engage-bundles\//);
    const { output } = await runNode(args);
    assert.ok(output.includes(`at boom (${throws}:7:9)`), output);
  });

  it('is built again when one of its sources changes', async () => {
    const before = typescriptProgram(main);
    write('lib/where.ts', 'export const found = "changed";');
    const after = typescriptProgram(main);
    assert.notEqual(after[1], before[1]);
    assert.equal((await runNode(after)).output, 'changed true import.meta.url \n');
  });

  it('leaves out bundles unused for a week when it builds one, and keeps those in use', async () => {
    const first = typescriptProgram(main)[1] as string;
    const cache = dirname(first);
    const unused = join(cache, `unused-${process.pid}.mjs`);
    writeFileSync(unused, '');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(unused, eightDaysAgo, eightDaysAgo);
    utimesSync(first, eightDaysAgo, eightDaysAgo);
    assert.equal(typescriptProgram(main)[1], first, 'served again, and so marked as used');
    write('lib/where.ts', 'export const found = "changed again";');
    typescriptProgram(main);
    assert.ok(!existsSync(unused), 'the unused bundle is gone');
    assert.ok(existsSync(first), 'the bundle in use stays');
  });

  it('runs under the loader when it cannot be bundled, so that the error names the file and line', async () => {
    const broken = write('broken.ts', 'const a: number = ;\n');
    const args = typescriptProgram(broken);
    assert.deepEqual(args.slice(-1), [broken]);
    const { code, output } = await runNode(args);
    assert.notEqual(code, 0);
    assert.match(output, /broken\.ts:1:\d+/);
  });
});
