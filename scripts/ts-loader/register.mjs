// `node --import ./scripts/ts-loader/register.mjs file.ts` runs the suite's TypeScript, as every npm
// script and every child process of the suite does: it registers hooks.mjs, and maps stack traces to .ts lines.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
process.setSourceMapsEnabled(true);
