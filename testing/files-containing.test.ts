// Proves the secret scan finds a secret however a file holds it: as written, URL-encoded, JSON- or
// XML-escaped, inside base64 at any alignment (a Basic header), gzipped, zipped, or in the base64
// zip of an HTML page (Playwright's report); and that it finds nothing in a file without it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { filesContaining } from './files-containing.ts';
import { temporaryFolder } from './temporary-folder.ts';

/** A zip of one deflated entry, as Playwright writes traces and its report. */
function zipOf(name: string, contents: string): Buffer {
  const data = deflateRawSync(Buffer.from(contents));
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const centralStart = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

it('finds a secret written in any of the ways a report, log or archive may hold it, and only there', () => {
  const secret = 's3cr+t/x"&<\'42';
  const folder = temporaryFolder('files-containing');
  const files: Record<string, string | Buffer> = {
    'plain.log': `token ${secret} refused`,
    'form.txt': `grant_type=client_credentials&client_secret=${encodeURIComponent(secret)}`,
    'results.json': JSON.stringify({ message: `refused ${secret}` }),
    'junit.xml': `<failure message="refused ${secret.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll("'", '&apos;')}"/>`,
    'k6-summary.json': `{"error":"${secret.replaceAll('"', '\\"').replaceAll('&', '\\u0026').replaceAll('<', '\\u003c')}"}`,
    'basic.har': `authorization: Basic ${Buffer.from(`broker-user:${secret}`).toString('base64')}`,
    'shifted.txt': `x ${Buffer.from(`ab${secret}cd`).toString('base64')}`,
    'metrics.json.gz': gzipSync(`{"token":"${secret}"}`),
    'trace.zip': zipOf('0-trace.network', `Authorization: Bearer ${secret}`),
    'index.html': `<script id="playwrightReportBase64" type="application/zip">data:application/zip;base64,${zipOf('report.json', `{"error":"${secret}"}`).toString('base64')}</script>`,
    'clean.log': 'token [redacted] refused',
  };
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(folder, name), contents);
  assert.deepEqual(
    filesContaining(folder, secret)
      .map((file) => file.slice(folder.length + 1))
      .sort(),
    Object.keys(files)
      .filter((name) => name !== 'clean.log')
      .sort(),
  );
});
