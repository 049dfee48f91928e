/**
 * An editor opens a capture session on the current view (or open story): name (the provenance),
 * day and how long it stays open; the roster is the actors of the view's filter. This tab then
 * becomes the projector (QR code and link on the canvas); the queue opens in its own page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { moderatorApi } from '../api/capture.ts';
import { Dialog } from '../components/Dialog.tsx';
import type { Filters } from '../state/explorer.ts';
import { captureMessage } from './messages.ts';

export function CaptureStart(props: { filters: Filters; story: string | null; search: string; onOpened: (sessionId: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [minutes, setMinutes] = useState(180);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ id: string; link: string } | null>(null);

  const open = async () => {
    setError(null);
    try {
      const f = props.filters;
      const s = await moderatorApi.open({
        name,
        date,
        expiresInMinutes: minutes,
        scopeKind: props.story ? 'STORY' : 'VIEW',
        scopeRef: props.story ?? props.search,
        roster: { regionIds: f.regionIds, actorKinds: f.actorKinds, sectors: f.sectors, projectIds: f.projectIds },
      });
      setOpened(s);
      props.onOpened(s.id);
    } catch (e) {
      if (e instanceof ApiError) setError(captureMessage(t, e));
      else throw e;
    }
  };

  return (
    <Dialog
      title={t('capture.startTitle')}
      onClose={props.onClose}
      testId="capture-start"
      footer={
        opened ? (
          <a href={`/capture/${opened.id}`} target="_blank" rel="noreferrer" data-testid="open-moderation">
            {t('capture.openModeration')}
          </a>
        ) : (
          <button type="button" className="primary" disabled={name.trim() === ''} onClick={() => void open()} data-testid="capture-open">
            {t('capture.open')}
          </button>
        )
      }
    >
      <div className="capture-start">
        <p className="muted">{t('capture.startHint')}</p>
        <label>
          {t('capture.name')}
          <input value={name} maxLength={120} placeholder={t('capture.namePlaceholder')} onChange={(e) => setName(e.target.value)} data-testid="capture-name" />
        </label>
        <label>
          {t('capture.date')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('capture.minutes')}
          <input type="number" min={1} max={20160} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
        </label>
        {error && (
          <p className="capture-error" role="alert">
            {error}
          </p>
        )}
        {opened && (
          <p>
            {t('capture.link')}: <strong data-testid="opened-link">{opened.link}</strong>
          </p>
        )}
      </div>
    </Dialog>
  );
}
