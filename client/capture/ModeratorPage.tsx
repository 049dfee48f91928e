/**
 * The moderator's queue of a capture session (`/capture/<session id>`, editor token): every
 * submission as it comes in (polled each second), duplicates to merge against existing actors,
 * approve or reject singly or in bulk, the link and its QR code, closing the session.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { moderatorApi, type Queue, type QueueItem } from '../api/capture.ts';
import type { CaptureDecision } from '../api/generated/graphql.ts';
import { downloadWithToken } from '../api/download.ts';
import { dataChanged } from '../state/revision.ts';
import { captureMessage } from './messages.ts';
import { QrCode } from './QrCode.tsx';
import './capture.css';

export const QUEUE_POLL_MS = 1000;

export function ModeratorPage({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setQueue(await moderatorApi.queue(sessionId, signal));
        setError(null);
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        if (e instanceof ApiError) setError(e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN' ? t('capture.needEditor') : captureMessage(t, e));
        else throw e;
      }
    },
    [sessionId, t],
  );
  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await load(ctl.signal);
      if (!ctl.signal.aborted) timer = setTimeout(() => void tick(), QUEUE_POLL_MS);
    };
    void tick();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
  }, [load]);

  const act = async (ids: string[], decision: CaptureDecision) => {
    if (ids.length === 0) return;
    setBusy(true);
    try {
      await moderatorApi.moderate(sessionId, ids, decision);
      setSelected(new Set());
      if (decision === 'APPROVE') dataChanged();
      await load();
    } catch (e) {
      if (e instanceof ApiError) setError(captureMessage(t, e));
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  const merge = async (item: QueueItem, actorId: string | null) => {
    try {
      await moderatorApi.merge(item.id, actorId);
      await load();
    } catch (e) {
      if (e instanceof ApiError) setError(captureMessage(t, e));
      else throw e;
    }
  };

  const close = async () => {
    await moderatorApi.close(sessionId).catch((e: unknown) => setError(e instanceof ApiError ? captureMessage(t, e) : String(e)));
    await load();
  };

  const download = (format: 'csv' | 'xlsx') =>
    void downloadWithToken(moderatorApi.exportUrl(sessionId, format), `erfassung-${sessionId}.${format}`).catch((e: unknown) =>
      setError(e instanceof ApiError ? captureMessage(t, e) : String(e)),
    );
  const reportSlide = async () => {
    try {
      const r = await moderatorApi.reportSlide(sessionId);
      setReport(`/?story=${encodeURIComponent(r.storyId)}`);
    } catch (e) {
      if (e instanceof ApiError) setError(captureMessage(t, e));
      else throw e;
    }
  };

  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  if (!queue)
    return (
      <div className="moderator-page">
        <h1>{t('capture.queue')}</h1>
        {error && (
          <p className="capture-error" role="alert" data-testid="moderator-error">
            {error}
          </p>
        )}
      </div>
    );
  const s = queue.session;
  const pending = queue.submissions.filter((x) => x.state === 'PENDING');
  const chosen = [...selected].filter((id) => pending.some((p) => p.id === id));
  const projector = `/${s.scopeKind === 'STORY' ? `?story=${encodeURIComponent(s.scopeRef)}&capture=${s.id}` : `${s.scopeRef ? `${s.scopeRef}&` : '?'}capture=${s.id}`}`;
  const time = new Date(s.expiresAt).toLocaleTimeString(lang === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

  return (
    <div className="moderator-page" lang={lang} data-testid="moderator-page">
      <header>
        <div>
          <h1>
            {t('capture.queue')}: {s.name}
          </h1>
          <p className="muted">
            {s.open ? t('capture.openUntil', { time }) : t('capture.closed')} · <span data-testid="count-pending">{t('capture.pendingCount', { count: s.counts.pending })}</span> ·{' '}
            <span data-testid="count-approved">{t('capture.approvedCount', { count: s.counts.approved })}</span>
          </p>
        </div>
        <div className="session-link">
          <QrCode text={s.link} size={140} label={t('capture.link')} />
          <div>
            <div className="muted">{t('capture.link')}</div>
            <a href={s.link} data-testid="capture-link" target="_blank" rel="noreferrer">
              {s.link}
            </a>
            <div className="capture-actions">
              <a href={projector} target="_blank" rel="noreferrer" data-testid="projector-link">
                {t('capture.projector')}
              </a>
              {s.open && (
                <button type="button" onClick={() => void close()} data-testid="capture-close">
                  {t('capture.close')}
                </button>
              )}
            </div>
          </div>
        </div>
      </header>
      {error && (
        <p className="capture-error" role="alert" data-testid="moderator-error">
          {error}
        </p>
      )}
      <div className="bulk">
        <button type="button" onClick={() => setSelected(new Set(pending.map((p) => p.id)))} disabled={pending.length === 0}>
          {t('capture.selectAll')}
        </button>
        <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void act(chosen, 'APPROVE')} data-testid="approve-selected">
          {t('capture.approveSelected', { count: chosen.length })}
        </button>
        <button type="button" disabled={busy || chosen.length === 0} onClick={() => void act(chosen, 'REJECT')} data-testid="reject-selected">
          {t('capture.rejectSelected', { count: chosen.length })}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => download('csv')} data-testid="export-csv">
          {t('capture.exportCsv')}
        </button>
        <button type="button" onClick={() => download('xlsx')} data-testid="export-xlsx">
          {t('capture.exportXlsx')}
        </button>
        <button type="button" onClick={() => void reportSlide()} data-testid="report-slide">
          {t('capture.reportSlide')}
        </button>
        {report && (
          <a href={report} target="_blank" rel="noreferrer" data-testid="report-story">
            {t('capture.reportStory')}
          </a>
        )}
      </div>
      {queue.submissions.length === 0 ? (
        <p className="muted">{t('capture.empty')}</p>
      ) : (
        <table className="queue" data-testid="capture-queue">
          <thead>
            <tr>
              <th />
              <th>{t('capture.org')}</th>
              <th>{t('capture.ties')}</th>
              <th>{t('capture.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {queue.submissions.map((x) => (
              <tr key={x.id} data-id={x.id} data-state={x.state} className={`state-${x.state.toLowerCase()}`}>
                <td>
                  {x.state === 'PENDING' && (
                    <input
                      type="checkbox"
                      aria-label={x.org.name}
                      checked={selected.has(x.id)}
                      onChange={(e) => setSelected((old) => {
                        const next = new Set(old);
                        if (e.target.checked) next.add(x.id);
                        else next.delete(x.id);
                        return next;
                      })}
                    />
                  )}
                </td>
                <td>
                  <strong>{x.org.name}</strong>
                  {x.org.actorId === null && <span className="badge">{t('capture.isNew')}</span>}
                  {x.state === 'PENDING' && x.org.actorId === null && (x.duplicates.length > 0 || x.mergeInto) && (
                    <label className="merge">
                      {t('capture.mergeWith')}
                      <select value={x.mergeInto ?? ''} data-testid="merge-select" onChange={(e) => void merge(x, e.target.value === '' ? null : e.target.value)}>
                        <option value="">{t('capture.mergeNone')}</option>
                        {x.duplicates.map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.label}
                          </option>
                        ))}
                        {x.mergeInto && !x.duplicates.some((d) => d.id === x.mergeInto) && <option value={x.mergeInto}>{x.mergeInto}</option>}
                      </select>
                    </label>
                  )}
                </td>
                <td>
                  <ul className="tie-list">
                    {x.ties.map((tie) => (
                      <li key={`${tie.partnerId}|${tie.relation}|${tie.projectName ?? ''}`} className={`rel-${tie.relation.toLowerCase()}`}>
                        {t(`capture.rel.${tie.relation.toLowerCase()}`)}: {tie.partnerName}
                        {tie.projectName ? ` („${tie.projectName}“)` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{t(`capture.state.${x.state}`)}</td>
                <td>
                  {x.state === 'PENDING' && (
                    <div className="capture-actions">
                      <button type="button" className="primary" disabled={busy} onClick={() => void act([x.id], 'APPROVE')} data-testid="approve">
                        {t('capture.approve')}
                      </button>
                      <button type="button" disabled={busy} onClick={() => void act([x.id], 'REJECT')} data-testid="reject">
                        {t('capture.reject')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
