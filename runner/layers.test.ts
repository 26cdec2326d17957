// The layers' timeouts: 900 s for e2e and load, and for load the profile's own length and a margin
// when that is longer, so that a soak (1 h) is not stopped a quarter of the way through.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { suiteLayers } from './layers.ts';

const loadTimeout = (loadProfile: string, loadDuration?: string) =>
  suiteLayers({ loadProfile, loadDuration }).find((layer) => layer.name === 'load')?.timeoutSeconds;

it("gives the load layer its profile's length and 300 s when that is longer than 900 s", () => {
  assert.equal(loadTimeout('smoke'), 900);
  assert.equal(loadTimeout('breakpoint'), 900, '10 minutes and 300 s');
  assert.equal(loadTimeout('soak'), 3600 + 300);
  assert.equal(loadTimeout('soak', '2h'), 7200 + 300);
  assert.equal(loadTimeout('smoke', '30m'), 1800 + 300);
});

it('keeps 900 s for a duration the load settings refuse later', () => {
  assert.equal(loadTimeout('soak', 'soon'), 900);
});
