// The baseline of `npm run bench:load-script`: the least a k6 script can do per lookup, a bare
// http.get of the same URL with the same headers as load/lookup.ts (its correlation id fixed), no
// checks, tags or custom metrics.
import http from 'k6/http';
import { appointmentPath, SANDBOX_DEFAULTS } from '../../config/api-facts.ts';

const url = `${__ENV.ENGAGE_BASE_URL}${appointmentPath(SANDBOX_DEFAULTS.enterprise, '123')}`;
const headers = {
  Authorization: `Bearer ${SANDBOX_DEFAULTS.token}`,
  'X-Correlation-Id': 'bench-baseline',
  'Accept-Language': 'en',
};

export default function (): void {
  http.get(url, { headers });
}

export function handleSummary(data: { metrics: Record<string, { values: Record<string, number> }> }) {
  return { [__ENV.BENCH_SUMMARY ?? 'stdout']: JSON.stringify({ rate: data.metrics.http_reqs?.values.rate ?? 0 }) };
}
