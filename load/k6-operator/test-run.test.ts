// Proves that the k6-operator manifest archives the real script with a profile that exists, pins the
// runner image, takes the token from a Secret, never archives it, and keeps the pods' logs quiet.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isProfileName } from '../lib/load-profiles.ts';

describe('the k6-operator TestRun', () => {
  const manifest = readFileSync(new URL('./test-run.yaml', import.meta.url), 'utf8');
  it('runs the archive of the real script from its ConfigMap, in parallel', () => {
    assert.match(manifest, /^kind: TestRun$/m);
    assert.match(manifest, /^ {2}parallelism: \d+$/m);
    const [, archive, script] = /k6 archive .*-O (\S+) (\S+)$/m.exec(manifest) ?? [];
    assert.ok(script !== undefined && existsSync(new URL(`../../${script}`, import.meta.url)), `${script} exists`);
    assert.ok(manifest.includes(`--from-file=${archive}`), 'the ConfigMap is made from the archive');
    assert.equal(/^ {6}file: (\S+)$/m.exec(manifest)?.[1], archive);
  });
  it('archives a profile that exists, pins the runner image, and sets the variables the script requires', () => {
    const profile = /k6 archive -e ENGAGE_LOAD_PROFILE=(\S+)/.exec(manifest)?.[1] ?? '';
    assert.ok(isProfileName(profile), profile);
    assert.match(manifest, /^ {4}image: grafana\/k6:\d+\.\d+\.\d+$/m);
    for (const name of ['ENGAGE_BASE_URL', 'ENGAGE_ENTERPRISE', 'ENGAGE_APPOINTMENT_IDS', 'ENGAGE_TOKEN'])
      assert.match(manifest, new RegExp(`name: ${name}\\n`));
    assert.doesNotMatch(manifest, /name: ENGAGE_TOKEN\n\s+value:/, 'the token comes from a Secret, not the manifest');
    assert.doesNotMatch(manifest, /k6 archive .*-e ENGAGE_(TOKEN|CLIENT_SECRET)/, '-e values go into the archive');
    assert.match(manifest, /^ {2}arguments: .*--quiet/m, 'no progress block a second in the pod logs');
  });
});
