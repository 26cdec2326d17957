// Every path under the reports folder, for the layers that write them and the runner that reads them
// (Node and k6 alike, so no Node imports). The folder is ENGAGE_REPORTS_DIR, else reports/.
import { readHandoff } from './handoffs.ts';

const DEFAULT_REPORTS_DIR = 'reports';

/** The reports folder this process was handed, without trailing slashes. */
export function reportsDirectory(environment: Readonly<Record<string, string | undefined>>): string {
  return (readHandoff(environment, 'ENGAGE_REPORTS_DIR') ?? DEFAULT_REPORTS_DIR).replace(/(.)\/+$/, '$1');
}

/** The reports folder only where one was handed over (npm run load does); a bare `k6 run` gets undefined. */
export function handedReportsDirectory(environment: Readonly<Record<string, string | undefined>>): string | undefined {
  return readHandoff(environment, 'ENGAGE_REPORTS_DIR') === undefined ? undefined : reportsDirectory(environment);
}

/** Paths relative to the reports folder. */
export const REPORT_FILES = {
  summaryMarkdown: 'summary.md',
  indexHtml: 'index.html',
  lock: '.npm-start.lock',
  /** Marks a folder as npm start's: it may clear it again, whatever else it holds. */
  marker: '.npm-start-reports',
  logs: 'logs',
  /** The run's pacts, and the provider verification's findings beside them. */
  contracts: 'contracts',
  verificationFindings: 'contracts/verification.json',
  /** The schema self-check's findings. */
  schemaFindings: 'schemas/findings.json',
  e2e: 'e2e',
  e2eResults: 'e2e/results.json',
  e2eJunit: 'e2e/junit.xml',
  e2eHtml: 'e2e/html',
  e2eArtifacts: 'e2e/test-results',
  /** The seconds the e2e run waited for 429s, one wait a line (e2e/rate-limit-waits.ts). */
  e2eRateLimitWaits: 'e2e/rate-limit-waits.txt',
  load: 'load',
  loadSummary: 'load/summary.json',
  loadJunit: 'load/junit.xml',
  loadMarkdown: 'load/summary.md',
  loadHtml: 'load/summary.html',
  loadMetrics: 'load/metrics.json.gz',
  loadDashboard: 'load/dashboard.html',
} as const;

/** A layer's console log under npm start. */
export const layerLog = (layer: string): string => `${REPORT_FILES.logs}/${layer}.log`;

/** `file` (one of REPORT_FILES) inside the reports folder `reports`. */
export const inReports = (reports: string, file: string): string => `${reports}/${file}`;
