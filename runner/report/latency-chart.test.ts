// Proves the latency chart reads k6's JSON lines (lookups only, per-second percentiles as k6 takes
// them) and draws them as an SVG.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { latencySeries, niceTicks, renderLatencyChart } from './latency-chart.ts';

const point = (second: number, value: number, name = 'appointment-by-id') =>
  JSON.stringify({
    type: 'Point',
    metric: 'http_req_duration',
    data: { time: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(), value, tags: { name } },
  });

it('takes per-second percentiles of lookup durations only, interpolated between ranks as k6 does', () => {
  const lines = [
    point(0, 10),
    point(0, 20),
    point(1, 30),
    point(1, 999, 'token'),
    JSON.stringify({ type: 'Metric', metric: 'http_req_duration' }),
  ].join('\n');
  assert.deepEqual(latencySeries(lines), {
    seconds: [0, 1],
    p50: [15, 30],
    p95: [19.5, 30],
    p99: [19.9, 30],
    all: [10, 20, 30],
  });
});

const series = { seconds: [0, 1, 2], p50: [1, 2, 2], p95: [2, 3, 3], p99: [3, 4, 4], all: [1, 1, 2, 2, 3, 4] };

it('draws p50, p95 and p99 over time in styles that stay apart, and the distribution, or says there were no samples', () => {
  const svg = renderLatencyChart(series);
  assert.equal((svg.match(/<polyline/g) ?? []).length, 4);
  assert.match(svg, /stroke-dasharray="6 3" points=/, 'p95 dashed');
  assert.match(svg, /stroke-dasharray="2 3" points=/, 'p99 dotted');
  assert.match(svg, /<text [^>]*>p50<\/text>[\s\S]*<text [^>]*>p95<\/text>[\s\S]*<text [^>]*>p99<\/text>/, 'a legend');
  assert.match(svg, /Lookup latency distribution \(6 lookups\)/);
  assert.match(renderLatencyChart({ seconds: [], p50: [], p95: [], p99: [], all: [] }), /No lookup samples/);
});

it('labels both axes with round ticks and units', () => {
  assert.deepEqual(niceTicks(4), [0, 1, 2, 3, 4]);
  assert.deepEqual(niceTicks(470), [0, 100, 200, 300, 400, 500]);
  const svg = renderLatencyChart(series);
  assert.match(svg, />4 ms<\/text>/);
  assert.match(svg, />seconds since the first lookup<\/text>/);
  assert.match(svg, />percentile of lookups<\/text>/);
});

it('draws the p95 objective where it is on the scale, and says so where it is far above', () => {
  assert.match(renderLatencyChart(series, 5), /p95 objective 5 ms<\/text>/);
  const far = renderLatencyChart(series, 500);
  assert.doesNotMatch(far, /p95 objective 500 ms<\/text>/);
  assert.match(far, /The p95 objective, 500 ms, is far above every lookup \(highest 4\.0 ms\)/);
});
