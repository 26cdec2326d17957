// The reports folder is made level by level, or refused in one line naming ENGAGE_REPORTS_DIR.
import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { ConfigError } from './config-error.ts';
import { makeReportsFolder } from './reports-folder.ts';

const refusal = (folder: string, reports = folder) => {
  try {
    makeReportsFolder(folder, reports);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  return 'made';
};

describe('makeReportsFolder', () => {
  it('makes the folder and each one above it that is missing, and leaves one that exists', () => {
    const reports = join(temporaryFolder('reports-folder'), 'a', 'b');
    makeReportsFolder(join(reports, 'e2e'), reports);
    assert.ok(statSync(join(reports, 'e2e')).isDirectory());
    makeReportsFolder(reports, reports);
  });
  it('refuses a path through a file, naming the setting, its value and the file', () => {
    const file = join(temporaryFolder('reports-folder'), 'a-file');
    writeFileSync(file, '');
    assert.equal(
      refusal(join(file, 'reports', 'load'), join(file, 'reports')),
      `ENGAGE_REPORTS_DIR "${file}/reports" cannot be the reports folder: ${file} is a file, not a folder`,
    );
    assert.equal(
      refusal(file),
      `ENGAGE_REPORTS_DIR "${file}" cannot be the reports folder: ${file} is a file, not a folder`,
    );
  });
  it('refuses a folder that cannot be made, saying why, where a recursive mkdir would loop for ever', {
    skip: existsSync('/proc/self') ? false : 'no /proc on this machine',
  }, () => {
    assert.equal(
      refusal('/proc/engage-reports/load', '/proc/engage-reports'),
      'ENGAGE_REPORTS_DIR "/proc/engage-reports" cannot be the reports folder: /proc/engage-reports cannot be made (ENOENT: no such file or directory)',
    );
  });
});
