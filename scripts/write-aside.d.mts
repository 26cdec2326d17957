// The types of write-aside.mjs, which is JavaScript for the TypeScript loader's sake.
/** Writes `text` to `file` (its folder made as needed); an aside left by a failed write is removed. */
export function writeAside(file: string, text: string): void;
