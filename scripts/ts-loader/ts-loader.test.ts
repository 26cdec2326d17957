// Proves the suite's TypeScript loader: it runs what tsc accepts (types, parameter properties, JSON
// imports, imports kept as written), compiles a file again when it changes, and names the file and
// line of a syntax error.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withTypescript } from '../../config/typescript-node.ts';
import { runNode } from '../../testing/run-entry-point.ts';
import { temporaryFolder } from '../../testing/temporary-folder.ts';

const folder = temporaryFolder('ts-loader');
const write = (name: string, text: string) => {
  writeFileSync(join(folder, name), text);
  return join(folder, name);
};

describe('the TypeScript loader', () => {
  it('runs types, parameter properties, type-only imports and JSON imports', async () => {
    write('facts.json', '{ "limit": 4 }');
    write('shape.ts', 'export interface Shape { side: number }\nexport const unit = 1;\n');
    const main = write(
      'main.ts',
      `import facts from './facts.json' with { type: 'json' };
       import { type Shape, unit } from './shape.ts';
       class Square implements Shape { constructor(readonly side: number) {} }
       const area = (shape: Shape): number => shape.side ** 2;
       console.log(area(new Square(facts.limit + unit)));`,
    );
    const { code, output } = await runNode(withTypescript(main));
    assert.equal(code, 0, output);
    assert.equal(output, '25\n');
  });

  it('keeps an import that is not `import type`, as tsc does: its module runs', async () => {
    write('side-effect.ts', 'export const unused = 1;\nconsole.log("side effect ran");\n');
    const main = write('imports-unused.ts', 'import { unused } from "./side-effect.ts";\nconsole.log("main ran");\n');
    const { code, output } = await runNode(withTypescript(main));
    assert.equal(code, 0, output);
    assert.equal(output, 'side effect ran\nmain ran\n');
  });

  it('compiles a file again when it changes', async () => {
    const main = write('changing.ts', 'const value: string = "first";\nconsole.log(value);\n');
    assert.equal((await runNode(withTypescript(main))).output, 'first\n');
    write('changing.ts', 'const value: string = "second";\nconsole.log(value);\n');
    assert.equal((await runNode(withTypescript(main))).output, 'second\n');
  });

  it('names the file and line of a syntax error', async () => {
    const main = write('broken.ts', 'const fine = 1;\nconst broken: = 2;\n');
    const { code, output } = await runNode(withTypescript(main));
    assert.notEqual(code, 0);
    assert.match(output, /broken\.ts:2:\d+: ERROR: /);
  });
});
