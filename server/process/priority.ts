/**
 * Background threads give way: on Linux the nice value belongs to each thread (and threads it starts
 * later inherit it), so an analysis or an import thread can run at a lower priority than the
 * threads that answer requests. Measured with 50 people on 2 cores while the whole network was
 * analysed (npm run bench -- --load): see the README's load table. Elsewhere (where the call would
 * lower the whole process) nothing is changed.
 */
import { platform, setPriority } from 'node:os';

/** Analyses: seconds to minutes of both cores, never urgent. */
export const ANALYSIS_NICE = 15;
/** Imports: an editor waits for it, but people reading come first. */
export const IMPORT_NICE = 10;

/** Lowers the calling thread's priority (Linux only); true when it was lowered. */
export function lowerThisThread(nice: number): boolean {
  if (platform() !== 'linux') return false;
  try {
    setPriority(nice);
    return true;
  } catch {
    return false;
  }
}
