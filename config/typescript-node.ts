// How the suite runs a TypeScript file in a new Node process: with its own loader
// (scripts/ts-loader/), for the layers of npm start, the entry points tests run and the stand-in k6.
import { fileURLToPath } from 'node:url';

/** The loader, by absolute path, so that a child started in any folder finds it. */
export const TYPESCRIPT_LOADER = fileURLToPath(new URL('../scripts/ts-loader/register.mjs', import.meta.url));

/** Node's arguments for running `args` (node flags, then a .ts file and its arguments) with the loader. */
export const withTypescript = (...args: string[]): string[] => ['--import', TYPESCRIPT_LOADER, ...args];
