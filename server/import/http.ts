/**
 * Uploads: `POST /import?dryRun=true|false` (editor role) with `{ files: [{ name, content: base64 }] }`.
 * The files are written to a temporary folder and read like the CLI reads them: one file of any
 * import type, several CSV template files (a folder, stories.json included), or a CORDIS export
 * (organization + project).
 * A dry run answers what would change; applying is one transaction. Invalid rows answer 422 with
 * every problem (file, line, field, message) and nothing written.
 */
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { acceptedToken, sendError } from '../auth/http.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ImportError } from './csv-bundle.ts';
import { CSV_FILES, STORIES_JSON } from './csv-format.ts';
import type { Config } from '../config.ts';
import { importFiles, IMPORT_TYPES } from './import-files.ts';
import { importInWorker } from './run-job.ts';

/** Largest upload (all files, base64 in JSON). */
export const IMPORT_BODY_LIMIT = '100mb';

const bodySchema = z.object({
  files: z
    .array(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, 'must not be empty')
          .max(200)
          .regex(/^[^/\\\0]+$/, 'must be a plain file name')
          .refine((n) => n !== '.' && n !== '..', 'must be a plain file name'),
        content: z.string().regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64'),
      }),
    )
    .min(1, 'send at least one file')
    .max(20, 'at most 20 files'),
});

/** What the files are, for the report. */
function formatOf(names: string[]): string {
  const lower = names.map((n) => n.toLowerCase());
  if (lower.some((n) => n.startsWith('organization.')) && lower.some((n) => n.startsWith('project.'))) return 'cordis';
  const ext = extname(lower[0] ?? '').slice(1);
  return ext === 'csv' || names.length > 1 ? 'csv-template' : ext;
}

/**
 * `config`: the store the import opens its own connection to, in a worker thread (the main thread
 * keeps answering); null imports on the main thread (an in-memory database).
 */
export function importHandler(store: () => GraphStore | null, config: Config | null = null) {
  return async (req: Request, res: Response): Promise<void> => {
    const s = store();
    if (!s) return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The store is starting; try again in a moment.');
    // The role was checked by requireRoleMiddleware before the body was read (server/app.ts).
    const token = acceptedToken(res);
    if (!token) return sendError(res, 401, 'UNAUTHENTICATED', 'This needs an access token with the editor role (Authorization: Bearer …).');
    const dryRun = req.query.dryRun !== 'false';
    const parsed = bodySchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return sendError(res, 400, 'BAD_USER_INPUT', `${issues[0]?.path || 'body'}: ${issues[0]?.message}`, { field: issues[0]?.path, issues });
    }
    const files = parsed.data.files;
    const names = files.map((f) => f.name);
    const bad = names.find((n) => !(IMPORT_TYPES as readonly string[]).includes(extname(n).toLowerCase()));
    if (bad !== undefined) return sendError(res, 400, 'BAD_USER_INPUT', `${bad}: not an import type (${IMPORT_TYPES.join(', ')})`, { field: 'files' });
    if (files.length > 1 && names.some((n) => extname(n).toLowerCase() !== '.csv' && !/^(organization|project|stories)\.json$/i.test(n)))
      return sendError(res, 400, 'BAD_USER_INPUT', 'several files must be CSV template files (stories.json may come with them) or a CORDIS export; send other files one at a time', { field: 'files' });

    // Several files are read as a folder, which takes only the names it knows: say so rather than skip one.
    if (files.length > 1) {
      const cordis = names.some((n) => /^(organization|project)\./i.test(n));
      const known = new Set(cordis ? ['organization.csv', 'organization.json', 'project.csv', 'project.json'] : [...Object.values(CSV_FILES).map((f) => f.file), STORIES_JSON]);
      const seen = new Set<string>();
      for (const n of names) {
        const lower = n.toLowerCase();
        if (seen.has(lower)) return sendError(res, 400, 'BAD_USER_INPUT', `${n}: sent twice (names are compared without case)`, { field: 'files' });
        seen.add(lower);
        if (!known.has(n))
          return sendError(res, 400, 'BAD_USER_INPUT', `${n}: not a file name of ${cordis ? 'a CORDIS export' : 'the template'} (expected: ${[...known].join(', ')})`, { field: 'files' });
      }
    }

    const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-import-'));
    try {
      for (const f of files) writeFileSync(join(dir, f.name), Buffer.from(f.content, 'base64'));
      const path = files.length === 1 && !/^(organization|project)\./i.test(names[0] ?? '') ? join(dir, names[0] ?? '') : dir;
      const audit = { who: { name: token.name, role: token.role }, summary: names.join(', ') };
      // Written through another connection: the main store's revision moves on with what was touched,
      // as soon as the worker commits (the built-in regions too, even if the import then fails).
      const result = config
        ? await importInWorker(config, path, { dryRun, ...audit, onWritten: (touched) => s.dataChanged(touched) })
        : await importFiles(s, path, { dryRun, audit });
      res.json({ dryRun, format: formatOf(names), files: names, result });
    } catch (e) {
      if (e instanceof ImportError) {
        return sendError(res, 422, 'BAD_USER_INPUT', e.message, { issues: e.issues });
      }
      if (e instanceof GraphQLError) return sendError(res, 422, String(e.extensions.code), e.message, { ...e.extensions });
      throw e;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
