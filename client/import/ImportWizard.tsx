/**
 * The import wizard (editors): choose or drop files, check them with a dry run (what would be
 * created, updated, left unchanged — or every problem with file, line and field), then apply the
 * same files and reload the network.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { encodeFiles, uploadImport, type ImportIssue, type ImportReport, type Upload } from '../api/import.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Icon } from '../components/Icon.tsx';
import { WriteError } from '../edit/WriteError.tsx';
import { formatNumber } from '../i18n/index.ts';
import type { Lang } from '../state/explorer.ts';
import { dataChanged } from '../state/revision.ts';
import { asApiError } from '../state/useExplorer.ts';
import { ACCEPTED_EXTENSIONS, MAX_FILES, addFiles, formatBytes, progressOf, reportTable, sortIssues, stepIndex, type FileCheck, type WizardStep } from './report.ts';

const NO_FILES: FileCheck = { ok: [], refused: [], tooLarge: false, mixed: false, tooMany: false, bytes: 0 };

export interface ImportWizardProps {
  lang: Lang;
  onClose(): void;
}

export function ImportWizard({ lang, onClose }: ImportWizardProps) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<FileCheck>(NO_FILES);
  const [state, setState] = useState<WizardStep>({ step: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const [dragging, setDragging] = useState(false);
  const upload = useRef<Upload | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => () => upload.current?.abort(), []);

  const pick = (list: FileList | null) => {
    // Copied now: the input's FileList is live and emptied right after.
    const picked = list ? [...list] : [];
    if (picked.length === 0) return;
    setFiles((f) => addFiles(f.ok, picked));
    setError(null);
    setState({ step: 'choose' });
  };

  const send = async (dryRun: boolean) => {
    setError(null);
    setState({ step: 'uploading', dryRun, sent: 0, total: 0 });
    try {
      const body = await encodeFiles(files.ok);
      const u = uploadImport(body, dryRun, (sent, total) => setState((s) => (s.step === 'uploading' ? { ...s, sent, total } : s)));
      upload.current = u;
      const outcome = await u.done;
      upload.current = null;
      if (outcome.ok) {
        if (!dryRun) dataChanged();
        setState(dryRun ? { step: 'checked', report: outcome.report } : { step: 'done', report: outcome.report });
      } else if (outcome.issues.length) setState({ step: 'rejected', issues: sortIssues(outcome.issues, files.ok.map((f) => f.name)) });
      else {
        setError(outcome.error);
        setState({ step: 'choose' });
      }
    } catch (e) {
      upload.current = null;
      if ((e as Error).name !== 'AbortError') setError(asApiError(e));
      setState({ step: 'choose' });
    }
  };

  const applying = state.step === 'uploading' && !state.dryRun;
  const close = () => {
    if (applying) return; // the import runs on the server as one transaction: wait for its answer
    upload.current?.abort();
    onClose();
  };
  const restart = () => {
    setFiles(NO_FILES);
    setState({ step: 'choose' });
    setError(null);
  };

  const footer = (
    <>
      {state.step === 'choose' && (
        <button type="button" className="primary" disabled={files.ok.length === 0 || files.tooLarge || files.mixed || files.tooMany} onClick={() => void send(true)} data-testid="import-check">
          {t('import.check')}
        </button>
      )}
      {state.step === 'uploading' && state.dryRun && (
        <button type="button" onClick={() => upload.current?.abort()}>
          {t('import.abort')}
        </button>
      )}
      {state.step === 'checked' && (
        <>
          <button type="button" className="primary" disabled={reportTable(state.report).changes === 0} onClick={() => void send(false)} data-testid="import-apply">
            {t('import.apply')}
          </button>
          <button type="button" onClick={restart}>
            {t('import.otherFiles')}
          </button>
        </>
      )}
      {state.step === 'rejected' && (
        <button type="button" onClick={restart}>
          {t('import.otherFiles')}
        </button>
      )}
      {state.step === 'done' && (
        <button type="button" className="primary" onClick={onClose} data-testid="import-close">
          {t('import.close')}
        </button>
      )}
      {state.step !== 'done' && state.step !== 'uploading' && (
        <button type="button" onClick={close}>
          {t('edit.cancel')}
        </button>
      )}
    </>
  );

  const chosenList = files.ok.length > 0 && (
    <ul className="file-list" data-testid="import-files">
      {files.ok.map((f) => (
        <li key={f.name}>
          <span className="file-name">{f.name}</span> <span className="count">{formatBytes(f.size, lang)}</span>
          {state.step === 'choose' && (
            <button type="button" className="close" aria-label={t('import.remove', { name: f.name })} title={t('import.remove', { name: f.name })} onClick={() => setFiles((x) => addFiles(x.ok.filter((g) => g !== f), []))}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );

  return (
    <Dialog title={t('import.title')} onClose={close} footer={footer} wide testId="import-wizard">
      <ol className="steps" aria-label={t('import.steps')}>
        {(['choose', 'check', 'apply'] as const).map((s, i) => (
          <li key={s} aria-current={stepIndex(state) === i ? 'step' : undefined}>
            {t(`import.step.${s}`)}
          </li>
        ))}
      </ol>
      {state.step === 'choose' && (
        <>
          <div
            className={dragging ? 'dropzone dragging' : 'dropzone'}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              pick(e.dataTransfer.files);
            }}
            data-testid="import-dropzone"
          >
            <Icon name="upload" />
            <p>{t('import.drop')}</p>
            <input
              ref={inputRef}
              type="file"
              multiple
              accept={ACCEPTED_EXTENSIONS.join(',')}
              className="visually-hidden"
              id="import-files"
              onChange={(e) => {
                pick(e.target.files);
                e.target.value = '';
              }}
              data-testid="import-input"
            />
            <button type="button" onClick={() => inputRef.current?.click()}>
              {t('import.choose')}
            </button>
            <p className="hint">{t('import.formats')}</p>
          </div>
          {chosenList}
          {files.refused.length > 0 && (
            <ul className="error refused">
              {files.refused.map((r) => (
                <li key={r.name}>{t(`import.refused.${r.reason}`, { name: r.name })}</li>
              ))}
            </ul>
          )}
          {files.tooLarge && <p className="error">{t('import.tooLarge', { size: formatBytes(files.bytes, lang) })}</p>}
          {files.mixed && <p className="error">{t('import.mixed')}</p>}
          {files.tooMany && <p className="error">{t('import.tooMany', { count: MAX_FILES })}</p>}
          {error &&
            (error.extensions.status === 413 ? (
              <p className="error" role="alert">
                {t('import.tooLarge', { size: formatBytes(files.bytes, lang) })}
              </p>
            ) : (
              <WriteError error={error} invalidText={t('import.refusedFiles')} other={error.code === 'BAD_USER_INPUT' ? [error.message] : []} />
            ))}
        </>
      )}
      {state.step === 'uploading' && (
        <div className="uploading" role="status" data-testid="import-progress">
          {chosenList}
          <p>{progressOf(state) === null && state.total > 0 ? t('import.processing') : state.dryRun ? t('import.checking') : t('import.applying')}</p>
          <Progress value={progressOf(state)} />
        </div>
      )}
      {state.step === 'checked' && (
        <>
          {chosenList}
          <p>{reportTable(state.report).changes === 0 ? t('import.nothing') : t('import.checked')}</p>
          <ReportTableView report={state.report} lang={lang} />
          <Placement report={state.report} />
          <Warnings report={state.report} />
        </>
      )}
      {state.step === 'rejected' && (
        <>
          {chosenList}
          <p className="error" role="alert">
            {t('import.rejected', { count: state.issues.length })}
          </p>
          <IssueTable issues={state.issues} />
        </>
      )}
      {state.step === 'done' && (
        <>
          <p role="status" data-testid="import-done">
            {t('import.done')}
          </p>
          <ReportTableView report={state.report} lang={lang} />
          <Placement report={state.report} />
          <Warnings report={state.report} />
        </>
      )}
    </Dialog>
  );
}

function Progress({ value }: { value: number | null }) {
  const { t } = useTranslation();
  return value === null ? (
    <progress className="upload-progress" aria-label={t('import.progress')} />
  ) : (
    <div className="progress-row">
      <progress className="upload-progress" max={1} value={value} aria-label={t('import.progress')} />
      <span className="count">{Math.round(value * 100)} %</span>
    </div>
  );
}

function ReportTableView({ report, lang }: { report: ImportReport; lang: Lang }) {
  const { t } = useTranslation();
  const { rows, total } = reportTable(report);
  const n = (v: number) => (v === 0 ? <span className="zero">0</span> : formatNumber(v, lang));
  return (
    <table className="report" data-testid="import-report" data-dry-run={report.dryRun}>
      <caption>
        {report.dryRun ? t('import.reportDry') : t('import.reportDone')}
        {report.format && <span className="hint"> · {t(`import.format.${report.format}`, { defaultValue: report.format })}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('import.kind')}</th>
          <th scope="col">{report.dryRun ? t('import.toCreate') : t('import.created')}</th>
          <th scope="col">{report.dryRun ? t('import.toUpdate') : t('import.updated')}</th>
          <th scope="col">{t('import.unchanged')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.kind} data-kind={r.kind}>
            <th scope="row">{t(`import.kinds.${r.kind}`, { defaultValue: r.kind })}</th>
            <td>{n(r.created)}</td>
            <td>{n(r.updated)}</td>
            <td>{n(r.unchanged)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('import.total')}</th>
          <td>{n(total.created)}</td>
          <td>{n(total.updated)}</td>
          <td>{n(total.unchanged)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Where the import placed its actors in Germany's districts: per method, abroad, and why the others were not. */
function Placement({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const p = report.placement;
  if (p === null || p.actors === p.given) return null;
  const examples: ImportIssue[] = p.byReason.flatMap((r) =>
    r.examples.map((e) => ({ file: e.file, line: e.line, field: e.name, message: `${t(`import.placement.reason.${r.reason}`, { defaultValue: r.reason })}: ${e.detail}` })),
  );
  return (
    <details className="import-placement" data-testid="import-placement" open={p.notPlaced > 0}>
      <summary>{t('import.placement.summary', { placed: p.placed, notPlaced: p.notPlaced, foreign: p.foreign })}</summary>
      <ul>
        {p.byMethod.map((m) => (
          <li key={m.method} data-method={m.method}>
            {t(`import.placement.method.${m.method}`, { defaultValue: m.method })}: {m.count}
          </li>
        ))}
        {p.byReason.map((r) => (
          <li key={r.reason} data-reason={r.reason}>
            {t(`import.placement.reason.${r.reason}`, { defaultValue: r.reason })}: {r.count}
          </li>
        ))}
        {p.regionsAdded > 0 && <li>{t('import.placement.regionsAdded', { count: p.regionsAdded })}</li>}
      </ul>
      {examples.length > 0 && <IssueTable issues={examples} testId="import-placement-rows" />}
      <p className="hint">{t('credits.boundaries')}</p>
    </details>
  );
}

/** Values read as missing: not problems (the import goes ahead), but worth a look. */
function Warnings({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  if (report.warningCount === 0) return null;
  return (
    <details className="import-warnings" data-testid="import-warnings">
      <summary>{t('import.warnings', { count: report.warningCount })}</summary>
      <IssueTable issues={report.warnings} testId="import-warning-rows" />
      {report.warningCount > report.warnings.length && <p className="hint">{t('import.moreWarnings', { count: report.warningCount - report.warnings.length })}</p>}
    </details>
  );
}

function IssueTable({ issues, testId = 'import-issues' }: { issues: ImportIssue[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="issues-scroll">
      <table className="report issues" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('import.file')}</th>
            <th scope="col">{t('import.line')}</th>
            <th scope="col">{t('import.field')}</th>
            <th scope="col">{t('import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, k) => (
            <tr key={k}>
              <td>{i.file ?? '–'}</td>
              <td className="num">{i.line ?? '–'}</td>
              <td>{i.field ?? '–'}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
