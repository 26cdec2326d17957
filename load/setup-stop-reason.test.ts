// Proves the reason of k6's "test aborted" line is read as k6 escapes it, and put into each summary
// file in place of the slot, escaped for HTML and XML, and into summary.json for npm start's findings.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { escapeMarkup } from '../config/escape-markup.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { SETUP_STOP_REASON_SLOT } from './lib/summary-reports.ts';
import { fillSetupStopReason, testAbortedReason } from './setup-stop-reason.ts';

it('reads the reason of k6\'s "test aborted" line, its escaped quotes and backslashes undone', () => {
  const log = [
    'time="2026-11-29T17:04:01Z" level=info msg="running"',
    'time="2026-11-29T17:04:01Z" level=error msg="test aborted: the target <x> is not ready: \\"quoted\\" and a \\\\ backslash" source=setup',
  ].join('\n');
  assert.equal(testAbortedReason(log), 'the target <x> is not ready: "quoted" and a \\ backslash');
  assert.equal(testAbortedReason('level=error msg="some other error"'), undefined);
  assert.equal(testAbortedReason('msg="test aborted: one\\ntwo\\tthree"'), 'one two three');
});

it('puts the reason into summary.md as it is, into summary.html and junit.xml escaped, and into summary.json', () => {
  const reports = temporaryFolder('setup-stop');
  const load = join(reports, 'load');
  mkdirSync(load);
  writeFileSync(join(load, 'summary.md'), `FAILED: stopped: ${SETUP_STOP_REASON_SLOT}`);
  writeFileSync(join(load, 'summary.html'), `<h3>FAILED: ${escapeMarkup(SETUP_STOP_REASON_SLOT)}</h3>`);
  writeFileSync(join(load, 'junit.xml'), `<failure message="${escapeMarkup(SETUP_STOP_REASON_SLOT)}"/>`);
  writeFileSync(join(load, 'summary.json'), JSON.stringify({ metrics: {}, setup_completed: false }));
  fillSetupStopReason(reports, 'GET appointment "x" got <404> for $& $1');
  assert.deepEqual(JSON.parse(readFileSync(join(load, 'summary.json'), 'utf8')), {
    metrics: {},
    setup_completed: false,
    setup_stop_reason: 'GET appointment "x" got <404> for $& $1',
  });
  assert.equal(
    readFileSync(join(load, 'summary.md'), 'utf8'),
    'FAILED: stopped: GET appointment "x" got <404> for $& $1',
  );
  assert.equal(
    readFileSync(join(load, 'summary.html'), 'utf8'),
    '<h3>FAILED: GET appointment &quot;x&quot; got &lt;404&gt; for $&amp; $1</h3>',
  );
  assert.equal(
    readFileSync(join(load, 'junit.xml'), 'utf8'),
    '<failure message="GET appointment &quot;x&quot; got &lt;404&gt; for $&amp; $1"/>',
  );
});
