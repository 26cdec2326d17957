// Why k6 stopped a run in setup(), from its "test aborted" log line, put by npm run load into the
// summary files in place of SETUP_STOP_REASON_SLOT (k6 cannot), and into summary.json for npm start.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { escapeMarkup } from '../config/escape-markup.ts';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { SETUP_STOP_REASON_SLOT } from './lib/summary-reports.ts';
import { addToLoadSummary } from './summary-additions.ts';

/** The reason of k6's "test aborted" log line (logfmt: its quotes and backslashes escaped), or undefined. */
export function testAbortedReason(log: string): string | undefined {
  const quoted = /msg="test aborted: ((?:[^"\\]|\\.)*)"/.exec(log)?.[1];
  // One line: an escaped line break or tab reads as a space.
  return quoted?.replace(/\\(.)/g, (_escape, character: string) =>
    character === 'n' || character === 't' ? ' ' : character,
  );
}

/** Puts `reason` into the run's summary files where they say setup() stopped it, and into summary.json. */
export function fillSetupStopReason(reports: string, reason: string): void {
  const { loadMarkdown, loadHtml, loadJunit } = REPORT_FILES;
  addToLoadSummary(reports, { setup_stop_reason: reason });
  for (const [file, slot, text] of [
    [loadMarkdown, SETUP_STOP_REASON_SLOT, reason],
    [loadHtml, escapeMarkup(SETUP_STOP_REASON_SLOT), escapeMarkup(reason)],
    [loadJunit, escapeMarkup(SETUP_STOP_REASON_SLOT), escapeMarkup(reason)],
  ] as const) {
    const path = inReports(reports, file);
    // A function, so that a "$&" in the reason is not read as a replacement pattern.
    if (existsSync(path))
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replaceAll(slot, () => text),
      );
  }
}
