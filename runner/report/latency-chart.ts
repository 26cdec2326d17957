// Lookup latency from k6's JSON output (one Point per line), drawn as inline SVG so that the report
// needs no script and no CDN: p50/p95/p99 over time (of each 20 or more lookups in turn), and the distribution as a percentile curve, both
// with ticked, labelled axes, a legend, line styles that stay apart where lines overlap, and the p95
// objective of slo.json where it is on the scale. Only lookups answered 200 count, as in the
// thresholds: a fast 500 is not a fast lookup.
import { k6Points, LOOKUP_TAG, readK6Output } from '../../load/load-layer.ts';

/**
 * Lookups behind each point over time, at the least, and named in the chart's title: a p95 or p99 of
 * a few is their slowest. Points are taken by count, in time order, so that an uneven run (a ramp, a
 * spell of 429s) has none thin.
 */
export const LOOKUPS_PER_POINT = 20;
/** At most this many points over time: a long run takes more lookups per point. */
const MOST_POINTS = 200;

export interface LatencySeries {
  /** The lookups behind each point over time (the last point may hold up to twice as many). */
  lookupsPerPoint: number;
  /** Seconds since the first lookup, at each point's first lookup. */
  seconds: number[];
  p50: number[];
  p95: number[];
  p99: number[];
  /** Every lookup duration, sorted, for the distribution. */
  all: number[];
}

/** The `share` percentile of sorted values as k6 takes it: between the two nearest ranks, interpolated. */
function percentile(sorted: number[], share: number): number {
  const rank = share * (sorted.length - 1);
  const below = sorted[Math.floor(rank)] as number;
  const above = sorted[Math.ceil(rank)] as number;
  return below + (above - below) * (rank - Math.floor(rank));
}

/** p50/p95/p99 of the lookups answered 200, each so many in turn, from k6's `--out json` lines. */
export function latencySeries(k6JsonLines: string): LatencySeries {
  const samples: Array<[number, number]> = [];
  for (const point of k6Points(k6JsonLines, 'http_req_duration'))
    if (point.tags.name === LOOKUP_TAG && point.tags.status === '200')
      samples.push([Date.parse(point.time) / 1000, point.value]);
  samples.sort(([a], [b]) => a - b);
  const lookupsPerPoint = Math.max(LOOKUPS_PER_POINT, Math.ceil(samples.length / MOST_POINTS));
  const points = Math.floor(samples.length / lookupsPerPoint);
  const series: LatencySeries = { lookupsPerPoint, seconds: [], p50: [], p95: [], p99: [], all: [] };
  const first = samples[0]?.[0] ?? 0;
  for (let index = 0; index < points; index++) {
    // The last point takes the rest, too few for a point of their own.
    const group = samples.slice(
      index * lookupsPerPoint,
      index === points - 1 ? undefined : (index + 1) * lookupsPerPoint,
    );
    const values = group.map(([, value]) => value).sort((a, b) => a - b);
    series.seconds.push(Math.round(((group[0]?.[0] ?? first) - first) * 10) / 10);
    series.p50.push(percentile(values, 0.5));
    series.p95.push(percentile(values, 0.95));
    series.p99.push(percentile(values, 0.99));
  }
  series.all = samples.map(([, value]) => value).sort((a, b) => a - b);
  return series;
}

export function readLatencySeries(file: string): LatencySeries | undefined {
  const text = readK6Output(file);
  return text === undefined ? undefined : latencySeries(text);
}

/** About five round tick values from 0 to at least `max`: 1, 2 or 5 times a power of ten apart. */
export function niceTicks(max: number): number[] {
  const raw = Math.max(max, 1e-9) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step * 0.999; value += step) ticks.push(Number(value.toPrecision(6)));
  return ticks;
}

const STYLES = [
  { label: 'p50', colour: '#2b8a3e', dash: '' },
  { label: 'p95', colour: '#e67700', dash: '6 3' },
  { label: 'p99', colour: '#c92a2a', dash: '2 3' },
] as const;

interface Plot {
  title: string;
  xLabel: string;
  xTicks: number[];
  yTicks: number[];
  lines: Array<{ points: Array<[number, number]>; label: string; colour: string; dash: string }>;
  /** The p95 objective, drawn where it is on the scale. */
  objective?: number;
}

function renderPlot(plot: Plot, width: number, height: number): string {
  const left = 56;
  const right = 16;
  const top = 28;
  const bottom = 40;
  const maxX = plot.xTicks.at(-1) as number;
  const maxY = plot.yTicks.at(-1) as number;
  const x = (value: number) => (left + (value / maxX) * (width - left - right)).toFixed(1);
  const y = (value: number) => (height - bottom - (value / maxY) * (height - top - bottom)).toFixed(1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${plot.title}" font-family="sans-serif" font-size="11">`,
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${plot.title}</text>`,
    ...plot.yTicks.map(
      (tick) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e5e5e5"/><text x="${left - 6}" y="${Number(y(tick)) + 4}" text-anchor="end">${tick} ms</text>`,
    ),
    ...plot.xTicks.map(
      (tick) =>
        `<line x1="${x(tick)}" x2="${x(tick)}" y1="${height - bottom}" y2="${height - bottom + 4}" stroke="#888"/><text x="${x(tick)}" y="${height - bottom + 16}" text-anchor="middle">${tick}</text>`,
    ),
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#888"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#888"/>`,
    `<text x="${(left + width - right) / 2}" y="${height - 6}" text-anchor="middle">${plot.xLabel}</text>`,
  ];
  if (plot.objective !== undefined && plot.objective <= maxY)
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(plot.objective)}" y2="${y(plot.objective)}" stroke="#1c7ed6" stroke-dasharray="8 4"/><text x="${width - right}" y="${Number(y(plot.objective)) - 4}" text-anchor="end" fill="#1c7ed6">p95 objective ${plot.objective} ms</text>`,
    );
  for (const line of plot.lines)
    parts.push(
      `<polyline fill="none" stroke="${line.colour}" stroke-width="2" stroke-dasharray="${line.dash}" points="${line.points.map(([px, py]) => `${x(px)},${y(py)}`).join(' ')}"><title>${line.label}</title></polyline>`,
    );
  // The legend: a sample of each line's style beside its name.
  plot.lines.forEach((line, index) => {
    const lx = left + 12 + index * 70;
    parts.push(
      `<line x1="${lx}" x2="${lx + 22}" y1="${top + 8}" y2="${top + 8}" stroke="${line.colour}" stroke-width="2" stroke-dasharray="${line.dash}"/><text x="${lx + 26}" y="${top + 12}">${line.label}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The percentile curve of sorted `values`: every lookup, or 501 percentiles of a long run's, so that the page stays small. */
function distributionPoints(values: number[]): Array<[number, number]> {
  if (values.length === 1) return [[100, values[0] as number]];
  const count = Math.min(values.length, 501);
  return Array.from({ length: count }, (_, index): [number, number] => {
    const share = index / (count - 1);
    return [share * 100, percentile(values, share)];
  });
}

/** Both charts, or a line saying there was nothing to draw. `objective`: slo.json's p95, in ms. */
export function renderLatencyChart(series: LatencySeries, objective?: number, width = 720, height = 260): string {
  if (series.all.length === 0) return '<p>No lookup answered 200 in the k6 output.</p>';
  const highest = series.all.at(-1) as number;
  // The objective joins the scale when it is near the data; far above it, the legend line says so.
  const near = objective !== undefined && objective <= highest * 3;
  const yTicks = niceTicks(near ? Math.max(highest, objective) : highest);
  const overTime: Plot = {
    title: `Lookup latency over time (p50, p95 and p99 of each ${series.lookupsPerPoint} lookups in turn)`,
    xLabel: 'seconds since the first lookup',
    xTicks: niceTicks(Math.max(1, ...series.seconds)),
    yTicks,
    objective,
    lines: STYLES.map(({ label, colour, dash }) => ({
      label,
      colour,
      dash,
      points: series[label].map((value, index): [number, number] => [series.seconds[index] as number, value]),
    })),
  };
  const count = series.all.length;
  const distribution: Plot = {
    title: `Lookup latency distribution (${count} lookups answered 200)`,
    xLabel: 'percentile of lookups',
    xTicks: [0, 20, 40, 60, 80, 100],
    yTicks,
    objective,
    lines: [
      {
        label: 'latency at percentile',
        colour: '#495057',
        dash: '',
        points: distributionPoints(series.all),
      },
    ],
  };
  const offScale =
    objective !== undefined && !near
      ? `<p class="note">The p95 objective, ${objective} ms, is far above every lookup (highest ${highest.toFixed(1)} ms), so it is off these scales.</p>`
      : '';
  // One point of each line draws nothing.
  const timeline =
    series.seconds.length > 1
      ? renderPlot(overTime, width, height)
      : `<p class="note">Too few lookups answered 200 (${count}) for percentiles over time: at least ${2 * LOOKUPS_PER_POINT} are needed, ${LOOKUPS_PER_POINT} a point.</p>`;
  return [timeline, renderPlot(distribution, width, height), offScale].join('\n');
}
