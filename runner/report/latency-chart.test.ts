// Proves the latency chart reads k6's JSON lines: lookups only, per-second percentiles, as an SVG.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { latencySeries, renderLatencyChart } from './latency-chart.ts';

const point = (second: number, value: number, name = 'appointment-by-id') =>
  JSON.stringify({
    type: 'Point',
    metric: 'http_req_duration',
    data: { time: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(), value, tags: { name } },
  });

it('takes per-second percentiles of lookup durations only', () => {
  const lines = [
    point(0, 10),
    point(0, 20),
    point(1, 30),
    point(1, 999, 'token'),
    JSON.stringify({ type: 'Metric', metric: 'http_req_duration' }),
  ].join('\n');
  assert.deepEqual(latencySeries(lines), { seconds: [0, 1], p50: [20, 30], p95: [20, 30], p99: [20, 30] });
});

it('draws p50, p95 and p99 as lines, or says there were no samples', () => {
  const svg = renderLatencyChart({ seconds: [0, 1], p50: [1, 2], p95: [2, 3], p99: [3, 4] });
  assert.equal((svg.match(/<polyline/g) ?? []).length, 3);
  assert.match(renderLatencyChart({ seconds: [], p50: [], p95: [], p99: [] }), /No lookup samples/);
});
