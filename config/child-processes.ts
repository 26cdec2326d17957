// The suite's child processes and Ctrl-C. A child runs in a process group of its own (a layer of
// `npm start`), and SIGINT or SIGTERM to the command stops its group as a terminal's Ctrl-C would: a
// SIGINT to every process in it, once. Or it shares the command's group (k6 under `npm run load`), so
// that killing the command's group kills it too; a signal to that group reaches it directly, and only
// a SIGTERM, which can have come to the command alone, is passed on. Either way a child gets a short
// grace and is then killed; the command exits 130 (SIGINT) or 143 (SIGTERM). A second signal kills
// at once, unless it is the first one's echo: under npm, a terminal's Ctrl-C reaches the program
// twice, milliseconds apart (from the terminal, and from npm, which passes its own on).
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** How often a command waiting on a long child (a layer, k6) says that it is still running. */
const PROGRESS_EVERY_SECONDS = 30;

/** Says "… <what> still running (N s)" every 30 s (or `everySeconds`) until the function it returns is called. */
export function sayStillRunning(what: string, everySeconds = PROGRESS_EVERY_SECONDS, say = console.log): () => void {
  const started = Date.now();
  const timer = setInterval(
    () => say(`  … ${what} still running (${Math.round((Date.now() - started) / 1000)} s)`),
    everySeconds * 1000,
  );
  return () => clearInterval(timer);
}

/** How long an interrupted child may take to stop on its own before it is killed. */
const INTERRUPT_GRACE_MILLISECONDS = 2000;
/** A signal this soon after the first is its echo (npm passing a Ctrl-C on), not a second Ctrl-C. */
const ECHO_MILLISECONDS = 500;

export type StopSignal = 'SIGINT' | 'SIGTERM';
export const EXIT_CODE_FOR: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/** Process groups of children of their own, and pids of children in the command's group. */
const groups = new Set<number>();
const sharing = new Set<number>();
let interruptedBy: StopSignal | undefined;
let interruptedAt = 0;
let handling = false;

const signalGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
};

/** The signal that interrupted this command, if one did. */
export function interruption(): StopSignal | undefined {
  return interruptedBy;
}

/** Forwards SIGINT and SIGTERM to every child group from now on; `onInterrupt` hears the first one. */
export function forwardStopSignals(onInterrupt: (signal: StopSignal) => void = () => {}): void {
  if (handling) return;
  handling = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interruptedBy !== undefined) {
        if (Date.now() - interruptedAt < ECHO_MILLISECONDS) return;
        killAll();
        process.exit(EXIT_CODE_FOR[interruptedBy]);
      }
      interruptedBy = signal;
      interruptedAt = Date.now();
      // Never a SIGTERM to a group: its leader may pass a SIGTERM on to a child in its group (npm run
      // load to k6), and k6 stops at once on a second signal, without its summary.
      for (const pid of groups) signalGroup(pid, 'SIGINT');
      // A terminal's Ctrl-C has reached the children in this group already.
      if (signal === 'SIGTERM') for (const pid of sharing) signalProcess(pid, signal);
      setTimeout(killAll, INTERRUPT_GRACE_MILLISECONDS).unref();
      onInterrupt(signal);
    });
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // Gone already.
  }
}

function killAll() {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
  for (const pid of sharing) signalProcess(pid, 'SIGKILL');
}

/**
 * The child's exit code once its output is read to the end (at its exit, the last of it may still be
 * in the pipe), or 2 s after its exit when a process it left behind holds the pipe open.
 */
export function exitedAndRead(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('close', resolve);
    child.once('exit', (code) => setTimeout(() => resolve(code), 2000).unref());
  });
}

/** Spawns a child in this command's process group, known to the signal forwarding until it exits. */
export function spawnSharingGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  if (child.pid !== undefined) {
    const pid = child.pid;
    sharing.add(pid);
    child.once('exit', () => sharing.delete(pid));
  }
  return child;
}

/** Spawns a child in a process group of its own, known to the signal forwarding until it exits. */
function spawnInGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) {
    const pid = child.pid;
    groups.add(pid);
    // A child that starts after an interrupt is stopped at once.
    if (interruptedBy !== undefined) signalGroup(pid, 'SIGINT');
    child.once('exit', () => {
      // Whatever the leader left behind in its group goes with it.
      signalGroup(pid, 'SIGKILL');
      groups.delete(pid);
    });
  }
  return child;
}

/** Kills a child's whole group now (a layer out of time). */
function killGroup(child: ChildProcess): void {
  if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
}

/**
 * Spawns a child in a process group of its own (spawnInGroup) and kills the whole group when it is
 * still running after `milliseconds`; `finished` says how it ended, once its output is flushed.
 */
export function spawnWithDeadline(
  command: string,
  args: string[],
  options: SpawnOptions,
  milliseconds: number,
): { child: ChildProcess; finished: Promise<{ code: number | null; timedOut: boolean }> } {
  const child = spawnInGroup(command, args, options);
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      killGroup(child);
    },
    Math.max(0, milliseconds),
  );
  const finished = new Promise<{ code: number | null; timedOut: boolean }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    }),
  );
  return { child, finished };
}
