// Lists the files under a folder that hold a string, for the tests that prove no secret reaches a
// report, trace or log. A file is searched as it is and unpacked (zip entries, as Playwright traces
// are; gzip, as k6's metrics file is; the base64 zip Playwright's HTML report embeds), and for the
// string as written, URL-encoded, JSON- or XML-escaped, and base64-encoded at any alignment (a
// password inside a Basic header, a token inside an embedded archive).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';

export function filesContaining(directory: string, needle: string): string[] {
  const forms = needle === '' ? [Buffer.alloc(0)] : encodedForms(needle).map((form) => Buffer.from(form));
  return readdirSync(directory, { recursive: true, encoding: 'utf8', withFileTypes: false })
    .map((relative) => join(directory, relative))
    .filter((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return false; // a folder
      }
      return unpacked(file, bytes).some((contents) => forms.some((form) => contents.includes(form)));
    });
}

/** The ways a string may be written into a file, each of which gives it away. */
export function encodedForms(secret: string): string[] {
  const xml = secret
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    // Go's encoding/json, as k6 writes: <, > and & as \u escapes.
    json.replaceAll('&', '\\u0026').replaceAll('<', '\\u003c').replaceAll('>', '\\u003e'),
    xml,
    xml.replaceAll('&quot;', '&#34;'),
    // Playwright's JUnit writes an apostrophe as &apos;.
    xml.replaceAll('&#39;', '&apos;'),
    ...base64Cores(secret),
  ];
  return [...new Set(forms.filter((form) => form.length > 0))];
}

/**
 * What of the string's base64 is the same wherever it starts in a longer text: for each of the 3
 * byte alignments, its encoding without the characters that mix in the bytes around it (standard and
 * URL-safe alphabets).
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const cores: string[] = [];
  for (const skip of [0, 1, 2]) {
    const text = Buffer.concat([Buffer.alloc(skip), bytes]).toString('base64');
    const from = skip === 0 ? 0 : 4;
    const whole = Math.floor((skip + bytes.length) / 3) * 4;
    const core = text.slice(from, whole);
    // Fewer than 8 characters turn up by chance in a large base64 blob (a report's embedded zip).
    if (core.length >= 8) cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return cores;
}

/** The file's bytes, and what they hold packed: zip entries, gzip, a base64 zip in an HTML page. */
function unpacked(file: string, bytes: Buffer): Buffer[] {
  const contents = [bytes];
  if (file.endsWith('.zip')) contents.push(...zipEntries(bytes));
  if (file.endsWith('.gz')) contents.push(gunzipSync(bytes));
  if (file.endsWith('.html'))
    for (const [, base64] of bytes.toString('latin1').matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g))
      contents.push(...zipEntries(Buffer.from(base64 as string, 'base64')));
  return contents;
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
