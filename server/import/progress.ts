/**
 * Progress of an import, as the readers and `importFiles` report it: bytes read of the files
 * (`read`), rows checked (`validate`), rows written (`write`). `done` grows to `total` within a phase.
 */
import { statSync } from 'node:fs';

export interface ImportProgress {
  phase: 'read' | 'validate' | 'write';
  done: number;
  total: number;
  unit: 'bytes' | 'rows';
  /** The file being read (read phase). */
  file?: string;
}

export type ProgressListener = (p: ImportProgress) => void;

/**
 * Read progress over the files of one import: bytes read so far of all their bytes, so that a
 * folder of files is one phase whose `done` only grows.
 */
export class ReadMeter {
  private finished = 0;
  private last = -1;

  constructor(
    readonly total: number,
    private readonly listener?: ProgressListener,
  ) {}

  /** A meter for these files (their sizes now). */
  static forFiles(paths: readonly string[], listener?: ProgressListener): ReadMeter {
    return new ReadMeter(
      paths.reduce((n, p) => n + statSync(p).size, 0),
      listener,
    );
  }

  /** `bytes` of `file` read so far (reported when that is more than before). */
  at(file: string, bytes: number): void {
    const done = this.finished + bytes;
    if (done === this.last) return;
    this.last = done;
    this.listener?.({ phase: 'read', done, total: this.total, unit: 'bytes', file });
  }

  /** `file` read to its end, `bytes` long: the next file's bytes count on from here. */
  fileDone(file: string, bytes: number): void {
    this.at(file, bytes);
    this.finished += bytes;
  }
}
