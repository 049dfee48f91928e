/**
 * A session's submissions with their moderation state as a table (one row per named partner, one for
 * a submission without partners), as CSV (UTF-8 with BOM, for spreadsheet programs) or as an XLSX
 * workbook with a second sheet holding the session's report. `GET /export/capture/<session>/<csv|xlsx>`,
 * editor role.
 */
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import writeXlsxFile from 'write-excel-file/node';
import { acceptedToken } from '../auth/http.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { CaptureSessionRecord, CaptureSubmissionRecord } from './capture.model.ts';
import { captureReport, reportNotes } from './report.ts';

export const SUBMISSION_COLUMNS = [
  'submission',
  'state',
  'created_at',
  'updated_at',
  'organisation',
  'organisation_id',
  'new_organisation',
  'kind',
  'district_id',
  'merged_into',
  'actor_id',
  'partner',
  'partner_id',
  'relation',
  'project_name',
  'moderated_by',
  'moderated_at',
] as const;

export function submissionRows(subs: readonly CaptureSubmissionRecord[]): string[][] {
  const rows: string[][] = [];
  for (const s of subs) {
    const base = [
      s.id,
      s.state,
      s.createdAt,
      s.updatedAt,
      s.org.name,
      s.org.actorId ?? '',
      s.org.actorId === null ? 'yes' : 'no',
      s.org.kind,
      s.org.regionId ?? '',
      s.mergeInto ?? '',
      s.actorId ?? '',
    ];
    const end = [s.moderatedBy ?? '', s.moderatedAt ?? ''];
    if (s.ties.length === 0) rows.push([...base, '', '', '', '', ...end]);
    for (const t of s.ties) rows.push([...base, t.partnerName, t.partnerId ?? `sub:${t.partnerSubmissionId ?? ''}`, t.relation, t.projectName ?? '', ...end]);
  }
  return rows;
}

export const submissionsCsv = (subs: readonly CaptureSubmissionRecord[]): string => `\ufeff${stringify([[...SUBMISSION_COLUMNS], ...submissionRows(subs)])}`;

export async function submissionsXlsx(store: GraphStore, session: CaptureSessionRecord, subs: readonly CaptureSubmissionRecord[]): Promise<Buffer> {
  const cell = (value: string, bold = false) => ({ value, type: String, ...(bold ? { fontWeight: 'bold' as const } : {}) });
  const report = await captureReport(store, session);
  const reportRows: [string, string][] = [
    ['session', session.name],
    ['date', session.date],
    ['participants', String(report.participants)],
    ['approved', String(report.counts.approved)],
    ['rejected', String(report.counts.rejected)],
    ['pending', String(report.counts.pending)],
    ['withdrawn', String(report.counts.withdrawn)],
    ['new_actors', String(report.newActors.length)],
    ['new_ties', String(report.newTies.length)],
    ...report.wished.regionPairs.map((p): [string, string] => [`wished ${p.aName} – ${p.bName}`, `${p.wished} (${p.missing} missing, ${p.existing} exist)`]),
    ['summary', reportNotes(report)],
  ];
  return writeXlsxFile([
    { sheet: 'submissions', data: [SUBMISSION_COLUMNS.map((h) => cell(h, true)), ...submissionRows(subs).map((r) => r.map((v) => cell(v)))], stickyRowsCount: 1 },
    { sheet: 'report', data: [[cell('figure', true), cell('value', true)], ...reportRows.map(([k, v]) => [cell(k), cell(v)])] },
  ]).toBuffer();
}

export function captureExportHandler(store: () => GraphStore | null) {
  return async (req: Request, res: Response): Promise<void> => {
    const s = store();
    const format = String(req.params.format ?? '');
    if (!s || !acceptedToken(res)) return void res.status(503).end();
    if (format !== 'csv' && format !== 'xlsx') {
      res.status(404).json({ errors: [{ message: `unknown format "${format.slice(0, 20)}" (csv or xlsx)`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const session = await s.capture.session(String(req.params.sessionId ?? ''));
    if (!session) {
      res.status(404).json({ errors: [{ message: 'capture session not found', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const subs = await s.capture.submissions(session.id);
    const name = `erfassung-${session.id}-${session.date}.${format}`;
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.send(submissionsCsv(subs));
    } else {
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.send(await submissionsXlsx(s, session, subs));
    }
  };
}
