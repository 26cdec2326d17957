// Reads k6's `--out json` file (one JSON object per line, gzipped or not): the Points of one metric,
// for the latency chart and the reasons of failed lookups. A k6 stopped at once (a second Ctrl-C)
// leaves the file without its gzip trailer and its last line cut short: what came before is read.
import { existsSync, readFileSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';

export interface K6Point {
  time: string;
  value: number;
  tags: Record<string, string | undefined>;
}

/** The file's text, or undefined when there is none. */
export function readK6Output(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }) : bytes).toString('utf8');
}

/** A line of k6's JSON output; the last may be cut short (then undefined), any other must parse. */
function parsedLine(line: string, last: boolean): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    if (last) return undefined;
    throw error;
  }
}

/** The Points of `metric` in k6's JSON lines, in the order written. */
export function k6Points(k6JsonLines: string, metric: string): K6Point[] {
  const lines = k6JsonLines.split('\n');
  const last = lines.findLastIndex((line) => line !== '');
  const points: K6Point[] = [];
  for (const [index, line] of lines.entries()) {
    // A cheap test first: most lines are other metrics.
    if (!line.includes(`"${metric}"`)) continue;
    const point = parsedLine(line, index === last) as
      | { type: string; metric: string; data?: { time: string; value: number; tags?: K6Point['tags'] } }
      | undefined;
    if (point?.type !== 'Point' || point.metric !== metric || point.data === undefined) continue;
    points.push({ time: point.data.time, value: point.data.value, tags: point.data.tags ?? {} });
  }
  return points;
}
