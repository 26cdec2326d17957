// The reports folder is made level by level, or refused in one line naming ENGAGE_REPORTS_DIR; the
// pact folder alike, naming ENGAGE_PACT_DIR.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configRefusal } from '../testing/config-refusal.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { checkReportsFolder, makePactFolder, makeReportsFolder } from './reports-folder.ts';
import { withTypescript } from './typescript-node.ts';

const refusal = (folder: string, reports = folder) => configRefusal(() => makeReportsFolder(folder, reports)) ?? 'made';

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
  it('refuses a link to nothing on the way', () => {
    const link = join(temporaryFolder('reports-folder'), 'dangling');
    symlinkSync('/nonexistent/engage-reports', link);
    assert.equal(
      refusal(join(link, 'load'), link),
      `ENGAGE_REPORTS_DIR "${link}" cannot be the reports folder: ${link} is a link to nothing, not a folder`,
    );
  });
  it('refuses a FIFO, a socket or a device on the way', {
    skip: spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0 ? false : 'no mkfifo on this machine',
  }, () => {
    const fifo = join(temporaryFolder('reports-folder'), 'a-fifo');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo made the FIFO');
    assert.equal(
      refusal(join(fifo, 'load'), fifo),
      `ENGAGE_REPORTS_DIR "${fifo}" cannot be the reports folder: ${fifo} is a socket, FIFO or device, not a folder`,
    );
  });
  it('refuses a folder it may not write in', {
    skip: process.getuid?.() === 0 ? 'run as root, which may write in any folder' : false,
  }, () => {
    const reports = temporaryFolder('reports-folder');
    chmodSync(reports, 0o500);
    try {
      assert.equal(
        refusal(reports),
        `ENGAGE_REPORTS_DIR "${reports}" cannot be the reports folder: ${reports} cannot be written in (EACCES: permission denied)`,
      );
    } finally {
      chmodSync(reports, 0o700);
    }
  });
  it('refuses a folder that cannot be made, saying why, where a recursive mkdir loops for ever', {
    skip: existsSync('/proc/self') ? false : 'no /proc on this machine',
  }, () => {
    // In a process of its own, with a time limit: a loop for ever could not be stopped in this one.
    const module = new URL('./reports-folder.ts', import.meta.url).href;
    const { stdout, error } = spawnSync(
      process.execPath,
      withTypescript(
        '--input-type=module',
        '--eval',
        `import { makeReportsFolder } from '${module}';
try { makeReportsFolder('/proc/engage-reports/load', '/proc/engage-reports'); } catch (error) { console.log(error.message); }`,
      ),
      { encoding: 'utf8', timeout: 20_000 },
    );
    assert.equal(error, undefined, 'it ended in time');
    assert.equal(
      stdout.trim(),
      'ENGAGE_REPORTS_DIR "/proc/engage-reports" cannot be the reports folder: /proc/engage-reports cannot be made (ENOENT: no such file or directory)',
    );
  });
});

describe('makePactFolder', () => {
  it('makes a missing pact folder, and refuses one that is a file, naming ENGAGE_PACT_DIR', () => {
    const folder = temporaryFolder('pact-folder');
    makePactFolder(join(folder, 'pacts'));
    assert.ok(statSync(join(folder, 'pacts')).isDirectory());
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    assert.equal(
      configRefusal(() => makePactFolder(file)),
      `ENGAGE_PACT_DIR "${file}" cannot be the pact folder: ${file} is a file, not a folder`,
    );
  });
});

describe('checkReportsFolder', () => {
  it('refuses what makeReportsFolder refuses, and makes nothing', () => {
    const folder = temporaryFolder('reports-folder');
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    assert.equal(
      configRefusal(() => checkReportsFolder(join(file, 'load'), file)),
      `ENGAGE_REPORTS_DIR "${file}" cannot be the reports folder: ${file} is a file, not a folder`,
    );
    checkReportsFolder(join(folder, 'reports', 'load'), join(folder, 'reports'));
    assert.equal(existsSync(join(folder, 'reports')), false);
  });
});
