// Proves the latency chart reads k6's JSON lines (lookups answered 200 only, percentiles as k6 takes
// them, of each 20 or more lookups in turn) and draws them as an SVG.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LOOKUPS_PER_POINT, latencySeries, niceTicks, renderLatencyChart } from './latency-chart.ts';

const point = (milliseconds: number, value: number, tags: Record<string, string> = {}) =>
  JSON.stringify({
    type: 'Point',
    metric: 'http_req_duration',
    data: {
      time: new Date(Date.UTC(2026, 0, 1) + milliseconds).toISOString(),
      value,
      tags: { name: 'appointment-by-id', status: '200', ...tags },
    },
  });

it('takes percentiles of lookups answered 200 only, interpolated between ranks as k6 does', () => {
  // 40 lookups: the first 20 take 10 or 20 ms, the next 20 take 30.
  const lookups = Array.from({ length: 40 }, (_, index) => point(index * 50, index < 20 ? 10 + (index % 2) * 10 : 30));
  const lines = [
    ...lookups,
    point(100, 999, { name: 'token' }),
    point(200, 1, { status: '500' }),
    point(300, 5000, { status: '0' }),
    JSON.stringify({ type: 'Metric', metric: 'http_req_duration' }),
  ].join('\n');
  const series = latencySeries(lines);
  assert.equal(series.lookupsPerPoint, 20);
  assert.deepEqual(series.seconds, [0, 1]);
  assert.deepEqual(series.p50, [15, 30]);
  assert.deepEqual(series.p95, [20, 30]);
  assert.equal(series.all.length, 40, 'neither the token request nor a 500 or a timeout is a lookup answered 200');
  assert.deepEqual([series.all[0], series.all.at(-1)], [10, 30]);
});

it('takes points by count in time order, so that an uneven run has none thin, and more per point in a long run', () => {
  // 1,000 lookups in 10 s, then 30 over 590 s (a ramp down, a spell of 429s): the slow tail is one
  // point of 30, not many of one lookup each.
  const burst = Array.from({ length: 1000 }, (_, index) => point(index * 10, 5));
  const tail = Array.from({ length: 30 }, (_, index) => point(10_000 + index * 20_000, 50));
  const uneven = latencySeries([...tail, ...burst].join('\n'));
  assert.equal(uneven.seconds.length, 51);
  assert.equal(uneven.seconds[50], 10);
  assert.equal(uneven.p50.at(-1), 50);
  const long = latencySeries(Array.from({ length: 50_000 }, (_, index) => point(index, 5)).join('\n'));
  assert.equal(long.lookupsPerPoint, 250);
  assert.equal(long.seconds.length, 200);
  assert.equal(LOOKUPS_PER_POINT, 20);
});

const series = {
  lookupsPerPoint: 20,
  seconds: [0, 2, 4],
  p50: [1, 2, 2],
  p95: [2, 3, 3],
  p99: [3, 4, 4],
  all: [1, 1, 2, 2, 3, 4],
};

it('draws p50, p95 and p99 over time in styles that stay apart, and the distribution, or says there were no samples', () => {
  const svg = renderLatencyChart(series);
  assert.equal((svg.match(/<polyline/g) ?? []).length, 4);
  assert.match(svg, /Lookup latency over time \(p50, p95 and p99 of each 20 lookups in turn\)/);
  assert.match(svg, /stroke-dasharray="6 3" points=/, 'p95 dashed');
  assert.match(svg, /stroke-dasharray="2 3" points=/, 'p99 dotted');
  assert.match(svg, /<text [^>]*>p50<\/text>[\s\S]*<text [^>]*>p95<\/text>[\s\S]*<text [^>]*>p99<\/text>/, 'a legend');
  assert.match(svg, /Lookup latency distribution \(6 lookups answered 200\)/);
  assert.match(
    renderLatencyChart({ lookupsPerPoint: 100, seconds: [], p50: [], p95: [], p99: [], all: [] }),
    /No lookup answered 200/,
  );
});

it('says when there are too few lookups for percentiles over time, and still draws their distribution', () => {
  const few = renderLatencyChart({ ...series, seconds: [0], p50: [1], p95: [3], p99: [4] });
  assert.doesNotMatch(few, /over time \(/);
  assert.match(few, /Too few lookups answered 200 \(6\) for percentiles over time: at least 40 are needed/);
  assert.match(few, /Lookup latency distribution \(6 lookups answered 200\)/);
});

it("draws a long run's distribution from 501 percentiles, not every lookup", () => {
  const all = Array.from({ length: 100_000 }, (_, index) => index / 1000);
  const svg = renderLatencyChart({ lookupsPerPoint: 100, seconds: [0, 1], p50: [1, 1], p95: [2, 2], p99: [3, 3], all });
  const distribution = [...svg.matchAll(/<polyline [^>]*points="([^"]*)"/g)].at(-1)?.[1] ?? '';
  assert.equal(distribution.split(' ').length, 501);
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
