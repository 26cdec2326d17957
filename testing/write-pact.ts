// Writes the consumer pact into a folder of a test's own, by running the consumer tests there, so
// that tests which verify or collect a pact do not race over contracts/pacts/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from './run-entry-point.ts';

export async function writePactIntoTemporaryFolder(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'engage-pacts-'));
  const { code, output } = await runNode(
    ['--import', 'tsx', '--test', 'contracts/consumer/appointment-client.pact.test.ts'],
    { ENGAGE_PACT_DIR: folder },
  );
  if (code !== 0) throw new Error(`the consumer pact tests failed:\n${output}`);
  return folder;
}
