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

/** The contents of a zip's entries, found through its central directory (local headers may omit sizes). */
function zipEntries(zip: Buffer): Buffer[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return [];
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: Buffer[] = [];
  for (let index = 0; index < count && zip.readUInt32LE(offset) === 0x02014b50; index++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const local = zip.readUInt32LE(offset + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.push(method === 8 ? inflateRawSync(data) : data);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}
