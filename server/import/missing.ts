/**
 * Cell texts that real files write for "no value": `NA` (CORDIS writes it), `n/a`, `n.a.`, `k. A.`
 * (keine Angabe), `-` and dashes. An import reads them as missing and reports each as a warning with
 * its file, line and field; a required field left missing stays an error (the validator names it).
 */
import type { ImportIssue } from './csv-bundle.ts';

const MISSING = /^(?:n\/?a|n\.\s?a\.?|k\.\s?a\.?|keine angabe|-|–|—)$/i;

/** Is the (trimmed) cell text one of the ways files say "no value"? */
export function isMissingToken(text: string): boolean {
  return MISSING.test(text.trim());
}

/** At most this many warnings are kept with their lines; the count goes on. */
export const MAX_WARNINGS = 1000;

/** Warnings of one import: the first MAX_WARNINGS with their place, and how many there were. */
export class ImportWarnings {
  readonly list: ImportIssue[] = [];
  count = 0;

  /** `raw` in `field` at `file` line `line` was read as missing. */
  missing(file: string, line: number | null, field: string, raw: string): void {
    this.add(file, line, field, `"${raw.trim()}" read as missing`);
  }

  add(file: string, line: number | null, field: string | null, message: string): void {
    this.count++;
    if (this.list.length < MAX_WARNINGS) this.list.push({ file, line, field, message });
  }
}
