// Proves where a layer's findings go: into the reports folder it was handed, and nowhere when run on
// its own; a handed folder that cannot be made is a ConfigError (one line), not a stack trace.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { ConfigError } from './config-error.ts';
import { writeHandedFindings } from './layer-findings-file.ts';

const findings = { passed: 3, failed: 0, skipped: 0, failures: [], skippedBy: {} };

it('writes the findings under the handed reports folder, creating their folder', () => {
  const reports = temporaryFolder('findings-file');
  writeHandedFindings({ ENGAGE_REPORTS_DIR: reports }, 'schemas/findings.json', findings);
  assert.deepEqual(JSON.parse(readFileSync(join(reports, 'schemas', 'findings.json'), 'utf8')), findings);
});

it('writes nothing when no reports folder was handed', () => {
  const file = `never-written-${randomUUID()}.json`;
  writeHandedFindings({}, file, findings);
  assert.equal(existsSync(join('reports', file)), false);
  assert.equal(existsSync(file), false);
});

it('refuses a handed reports folder that cannot be made with a ConfigError naming ENGAGE_REPORTS_DIR', () => {
  const file = join(temporaryFolder('findings-file'), 'a-file');
  writeFileSync(file, '');
  assert.throws(
    () => writeHandedFindings({ ENGAGE_REPORTS_DIR: file }, 'schemas/findings.json', findings),
    (error: Error) => error instanceof ConfigError && /^ENGAGE_REPORTS_DIR ".*a-file" cannot be/.test(error.message),
  );
});
