// Proves the reading of k6's `--out json` file: one metric's Points, and a gzipped file that a k6
// stopped at once cut short, read up to its last whole line.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { k6Points, readK6Output } from './k6-output.ts';

const point = (metric: string, value: number, tags: Record<string, string>) =>
  JSON.stringify({ type: 'Point', metric, data: { time: '2026-01-01T00:00:00Z', value, tags } });

it("takes the Points of one metric, not its declaration or another metric's", () => {
  const lines = [
    JSON.stringify({ type: 'Metric', metric: 'lookup_problems', data: {} }),
    point('lookup_problems', 1, { problem: 'status is not 200' }),
    point('http_req_duration', 3, { name: 'lookup_problems' }),
  ].join('\n');
  assert.deepEqual(k6Points(lines, 'lookup_problems'), [
    { time: '2026-01-01T00:00:00Z', value: 1, tags: { problem: 'status is not 200' } },
  ]);
});

it('reads a gzipped file that a k6 stopped at once cut short, leaving out its last, partial line', () => {
  // Cut just after the tags' own "}", and with no gzip trailer: gunzip alone throws "unexpected end
  // of file", and the line still ends with a "}" but does not parse.
  const partial = point('http_req_duration', 30, { name: 'appointment-by-id' }).slice(0, -2);
  const whole = gzipSync([point('http_req_duration', 10, {}), point('http_req_duration', 20, {}), partial].join('\n'));
  const file = join(temporaryFolder('k6-output'), 'metrics.json.gz');
  writeFileSync(file, whole.subarray(0, whole.length - 8));
  const text = readK6Output(file);
  assert.deepEqual(
    k6Points(text ?? '', 'http_req_duration').map((found) => found.value),
    [10, 20],
  );
  assert.equal(readK6Output(join(file, 'missing')), undefined);
});
