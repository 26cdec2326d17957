// `node --import ./scripts/ts-loader/register.mjs file.ts` runs the suite's TypeScript, as the npm
// scripts and the suite's child processes do: it installs hooks.mjs (in-thread where Node has
// module.registerHooks, 22.15 and later; else off-thread with module.register, which Node 26
// deprecates), and maps stack traces to .ts lines.
import module from 'node:module';

if (typeof module.registerHooks === 'function') module.registerHooks({ load: (await import('./hooks.mjs')).load });
else module.register('./hooks.mjs', import.meta.url);
process.setSourceMapsEnabled(true);
