// Lists the files under a folder whose bytes contain a string, for the tests that prove no secret
// reaches a report, trace or log. Zipped files (Playwright traces) are searched after unzipping.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export function filesContaining(directory: string, needle: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8', withFileTypes: false })
    .map((relative) => join(directory, relative))
    .filter((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return false; // a folder
      }
      return (
        bytes.includes(needle) || (file.endsWith('.zip') && zipEntries(bytes).some((entry) => entry.includes(needle)))
      );
    });
}

/** The contents of a zip's deflated or stored entries, read from their local headers. */
function zipEntries(zip: Buffer): Buffer[] {
  const entries: Buffer[] = [];
  let offset = 0;
  while (offset + 30 <= zip.length && zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8);
    const size = zip.readUInt32LE(offset + 18);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = zip.subarray(start, start + size);
    entries.push(method === 8 ? inflateRawSync(data) : data);
    offset = start + size;
  }
  return entries;
}
