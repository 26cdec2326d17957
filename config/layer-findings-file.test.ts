// Proves where a layer's findings go: into the reports folder it was handed, and nowhere when run on
// its own.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
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
