/**
 * Stopping a process the same way whoever receives the signal: SIGTERM or SIGINT (Ctrl-C) runs `stop`
 * once (repeats are ignored: npm forwards what it gets, Ctrl-C reaches the whole process group);
 * `stop` taking longer than `deadlineMs` exits at once (code 1). The
 * parent is watched too (process.ppid polled every 250 ms, a syscall): when it has gone (kill -9 of
 * npm), `stop` runs as for SIGTERM, so no orphan goes on serving or importing. A process started
 * under an init (ppid 1, e.g. in Docker behind tini) has no parent worth watching.
 */
export type StopReason = 'SIGINT' | 'SIGTERM' | 'parent gone';

export interface ShutdownOptions {
  /** Stops the work; its result is the exit code (default 0). */
  stop: (reason: StopReason) => Promise<number | void> | number | void;
  /** Hard limit from the first signal to the exit (default 4,500 ms: within 5 s). */
  deadlineMs?: number;
  log?: (line: string) => void;
}

export interface Shutdown {
  /** Leaves the signals to the OS (immediate termination) — around synchronous work no handler could interrupt. */
  pause(): void;
  resume(): void;
  dispose(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function onShutdown(options: ShutdownOptions): Shutdown {
  const log = options.log ?? ((line: string) => console.error(line));
  const deadlineMs = options.deadlineMs ?? 4_500;
  let stopping = false;

  const trigger = (reason: StopReason) => {
    // npm forwards the signal it got and Ctrl-C reaches the whole process group: repeats are expected.
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    setTimeout(() => {
      log(`Not stopped within ${deadlineMs} ms; exiting.`);
      process.exit(1);
    }, deadlineMs).unref();
    Promise.resolve()
      .then(() => options.stop(reason))
      .then(
        (code) => process.exit(code ?? 0),
        (e: unknown) => {
          log(`Error while stopping: ${e instanceof Error ? e.message : String(e)}`);
          process.exit(1);
        },
      );
  };

  const handlers = new Map(SIGNALS.map((s) => [s, () => trigger(s)] as const));
  const resume = () => {
    for (const [s, h] of handlers) if (!process.listeners(s).includes(h)) process.on(s, h);
  };
  const pause = () => {
    for (const [s, h] of handlers) process.off(s, h);
  };

  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) trigger('parent gone');
  }, 250);
  watch.unref();
  if (parent <= 1) clearInterval(watch);
  resume();

  return {
    pause,
    resume,
    dispose() {
      pause();
      clearInterval(watch);
    },
  };
}
