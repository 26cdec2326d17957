// Proves npm start clears only a folder of reports: never the working directory, a folder holding
// it (through a symlink too), a project, or a folder of other files; and that it clears every layer's
// output of the last run, the schemas' too.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { it } from 'node:test';
import { configRefusal } from '../testing/config-refusal.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { assertReportsFolder, clearPreviousReports } from './clear-reports.ts';

const refusal = (reports: string, workingDirectory?: string) =>
  configRefusal(() => assertReportsFolder(reports, workingDirectory));

it('refuses the working directory, a folder above it, and a project, naming ENGAGE_REPORTS_DIR', () => {
  assert.equal(
    refusal('.'),
    'ENGAGE_REPORTS_DIR is ".", which holds the working directory: npm start clears logs/, contracts/, e2e/ and load/ in it; name a folder of reports, such as reports',
  );
  assert.match(refusal('..') ?? '', /^ENGAGE_REPORTS_DIR is "\.\.", which holds the working directory/);
  assert.match(refusal(process.cwd()) ?? '', /which holds the working directory/);
  const project = temporaryFolder('project');
  writeFileSync(join(project, 'package.json'), '{}');
  assert.match(refusal(project) ?? '', /which holds package\.json, so it is a project/);
  const repository = temporaryFolder('repository');
  mkdirSync(join(repository, '.git'));
  assert.match(refusal(repository) ?? '', /which holds \.git, so it is a project/);
  assert.equal(refusal('reports'), undefined);
  assert.equal(refusal(join(temporaryFolder('fresh'), 'not-made-yet')), undefined);
  // Through a symlink, as the folder it names.
  const link = join(temporaryFolder('links'), 'to-the-working-directory');
  symlinkSync(process.cwd(), link);
  assert.match(refusal(link) ?? '', /which holds the working directory/);
  // A folder of something else: another project's tests, say.
  const tests = temporaryFolder('other-tests');
  mkdirSync(join(tests, 'e2e'));
  writeFileSync(join(tests, 'helpers.ts'), '');
  assert.match(
    refusal(tests) ?? '',
    /which holds helpers\.ts, which npm start does not write, so it is no folder of reports/,
  );
  // A working directory under a folder whose name merely starts with two dots is still inside.
  const outer = temporaryFolder('dots');
  const inside = join(outer, '..x', 'work');
  mkdirSync(inside, { recursive: true });
  assert.match(refusal(outer, inside) ?? '', /which holds the working directory/);
  // A file, in one line.
  const file = join(temporaryFolder('a-file'), 'reports');
  writeFileSync(file, '');
  assert.match(refusal(file) ?? '', /which is a file:/);
});

it('refuses a socket, a FIFO or a device as what it is, not as a file', async () => {
  const socket = join(temporaryFolder('a-socket'), 'reports');
  const server = createServer().listen(socket);
  await once(server, 'listening');
  try {
    assert.match(refusal(socket) ?? '', /which is a socket, FIFO or device:/);
  } finally {
    server.close();
  }
});

it('clears a folder an earlier npm start marked, whatever else it holds (pacts, a baseline, Thumbs.db)', () => {
  const reports = temporaryFolder('marked');
  clearPreviousReports(reports);
  assert.ok(existsSync(join(reports, '.npm-start-reports')), 'marked');
  for (const other of ['pacts', 'baseline']) mkdirSync(join(reports, other));
  writeFileSync(join(reports, 'Thumbs.db'), '');
  assert.equal(refusal(reports), undefined);
  clearPreviousReports(reports);
  assert.ok(existsSync(join(reports, 'pacts')), 'what npm start did not write stays');
});

it("clears the last run's outputs of every layer and the report, and nothing else", () => {
  const reports = temporaryFolder('clear-reports');
  const last = ['logs/e2e.log', 'contracts/verification.json', 'schemas/findings.json', 'e2e/results.json'];
  const kept = '.notes';
  for (const file of [...last, 'load/summary.json', 'summary.md', 'index.html', kept]) {
    mkdirSync(join(reports, file, '..'), { recursive: true });
    writeFileSync(join(reports, file), 'x');
  }
  clearPreviousReports(reports);
  for (const file of [...last, 'load', 'summary.md', 'index.html']) assert.ok(!existsSync(join(reports, file)), file);
  assert.ok(existsSync(join(reports, kept)));
});
