// Writes a file whole or not at all, for the caches that processes running at once share: the text
// goes to a file aside, renamed over the target, so that no reader ever sees half of it.
// JavaScript, not TypeScript: the TypeScript loader's own hooks and bundler write with it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `text` to `file` (its folder made as needed); an aside left by a failed write is removed. */
export function writeAside(/** @type {string} */ file, /** @type {string} */ text) {
  mkdirSync(dirname(file), { recursive: true });
  const aside = `${file}.${randomUUID()}`;
  try {
    writeFileSync(aside, text);
    renameSync(aside, file);
  } catch (error) {
    rmSync(aside, { force: true });
    throw error;
  }
}
