/**
 * Downloads: `GET /export/<format>` sends everything the store holds as an XLSX workbook, JSON,
 * GEXF, GraphML or a Cypher script (one file each; the CSV folder is the CLI's). Anyone who may read
 * the network may download it (a token in the Authorization header when READ_ACCESS=token).
 */
import type { Request, Response } from 'express';
import { allow } from '../auth/http.ts';
import type { ReadAccess } from '../auth/session.ts';
import { storeFor } from '../pseudonym/session.ts';
import type { GraphStore, TokenRecord } from '../store/graph-store.ts';
import { EXPORT_FORMATS, type ExportFormatName } from './formats.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json; charset=utf-8',
  '.cypher': 'text/plain; charset=utf-8',
  '.gexf': 'application/xml; charset=utf-8',
  '.graphml': 'application/xml; charset=utf-8',
};

/** The formats that download as one file. */
export const DOWNLOAD_FORMATS = (Object.keys(EXPORT_FORMATS) as ExportFormatName[]).filter((f) => EXPORT_FORMATS[f].output !== 'folder');

export function exportHandler(store: () => GraphStore | null, readAccess: ReadAccess = 'open', used?: (t: TokenRecord) => void) {
  return async (req: Request, res: Response): Promise<void> => {
    const format = String(req.params.format ?? '') as ExportFormatName;
    const spec = (DOWNLOAD_FORMATS as string[]).includes(format) ? EXPORT_FORMATS[format] : undefined;
    if (!spec || spec.output === 'folder') {
      res.status(404).json({ errors: [{ message: `unknown export format "${format.slice(0, 40)}" (one of: ${DOWNLOAD_FORMATS.join(', ')})`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const s = store();
    if (!s) {
      res.status(503).json({ errors: [{ message: 'The store is starting; try again in a moment.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return;
    }
    const ok = await allow(s, req, res, readAccess, null, used);
    if (!ok) return;
    // A pseudonymised share link downloads pseudonyms, without free text (server/pseudonym/).
    const content = await spec.write(await storeFor(ok.token, s).exportBatch());
    const name = `netzwerkatlas-${new Date().toISOString().slice(0, 10)}${spec.output.extension}`;
    res.setHeader('content-type', CONTENT_TYPES[spec.output.extension] ?? 'application/octet-stream');
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    res.send(content instanceof Map ? '' : content);
  };
}
