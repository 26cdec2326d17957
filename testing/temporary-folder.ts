// Folders for tests' reports, configs and stand-ins, under the system's temporary folder: each is
// removed when its test process exits, so that `npm test` leaves nothing behind; if a test failed,
// they are kept, since its messages name files in them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];
process.on('exit', (code) => {
  if (code !== 0) return;
  for (const folder of created) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Still in use (a child that was killed, a file held open): left, rather than failing a passing run.
    }
  }
});

/** A new, empty folder named `engage-<name>-XXXXXX`. */
export function temporaryFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `engage-${name}-`));
  created.push(folder);
  return folder;
}
