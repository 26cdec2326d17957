// Lookup latency percentiles over time, drawn as an inline SVG from k6's JSON output (one Point per
// line), so that the report needs no script and no CDN.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LOOKUP_TAG } from '../../load/lib/load-thresholds.ts';

export interface LatencySeries {
  /** Seconds since the first sample. */
  seconds: number[];
  p50: number[];
  p95: number[];
  p99: number[];
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number;

/** Per-second p50/p95/p99 of lookup durations from k6's `--out json` lines (gzipped or not). */
export function latencySeries(k6JsonLines: string): LatencySeries {
  const buckets = new Map<number, number[]>();
  for (const line of k6JsonLines.split('\n')) {
    if (!line.includes('"http_req_duration"') || !line.includes(LOOKUP_TAG)) continue;
    const point = JSON.parse(line) as {
      type: string;
      data?: { time: string; value: number; tags?: { name?: string } };
    };
    if (point.type !== 'Point' || point.data?.tags?.name !== LOOKUP_TAG) continue;
    const second = Math.floor(Date.parse(point.data.time) / 1000);
    buckets.set(second, [...(buckets.get(second) ?? []), point.data.value]);
  }
  const seconds = [...buckets.keys()].sort((a, b) => a - b);
  const series: LatencySeries = { seconds: [], p50: [], p95: [], p99: [] };
  for (const second of seconds) {
    const values = (buckets.get(second) as number[]).sort((a, b) => a - b);
    series.seconds.push(second - (seconds[0] as number));
    series.p50.push(percentile(values, 0.5));
    series.p95.push(percentile(values, 0.95));
    series.p99.push(percentile(values, 0.99));
  }
  return series;
}

export function readLatencySeries(file: string): LatencySeries | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  return latencySeries((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

export function renderLatencyChart(series: LatencySeries, width = 640, height = 240): string {
  if (series.seconds.length === 0) return '<p>No lookup samples in the k6 output.</p>';
  const margin = 40;
  const maxX = Math.max(1, ...series.seconds);
  const maxY = Math.max(1, ...series.p99);
  const x = (second: number) => (margin + (second / maxX) * (width - 2 * margin)).toFixed(1);
  const y = (ms: number) => (height - margin - (ms / maxY) * (height - 2 * margin)).toFixed(1);
  const line = (values: number[], colour: string, label: string) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${values.map((value, index) => `${x(series.seconds[index] as number)},${y(value)}`).join(' ')}"><title>${label}</title></polyline>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="lookup latency percentiles over time">`,
    `<line x1="${margin}" y1="${height - margin}" x2="${width - margin}" y2="${height - margin}" stroke="#888"/>`,
    `<line x1="${margin}" y1="${margin}" x2="${margin}" y2="${height - margin}" stroke="#888"/>`,
    `<text x="${margin}" y="${margin - 8}" font-size="11">${maxY.toFixed(1)} ms</text>`,
    `<text x="${width - margin}" y="${height - margin + 16}" font-size="11" text-anchor="end">${maxX} s</text>`,
    line(series.p50, '#2b8a3e', 'p50'),
    line(series.p95, '#e67700', 'p95'),
    line(series.p99, '#c92a2a', 'p99'),
    `<text x="${width - margin}" y="${margin}" font-size="11" text-anchor="end"><tspan fill="#2b8a3e">p50</tspan> <tspan fill="#e67700">p95</tspan> <tspan fill="#c92a2a">p99</tspan></text>`,
    '</svg>',
  ].join('\n');
}
