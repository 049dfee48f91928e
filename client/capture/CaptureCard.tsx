/** The projector's card of a capture session: the QR code and short link, how much came in. */
import { useTranslation } from 'react-i18next';
import type { Feed } from '../api/capture.ts';
import { QrCode } from './QrCode.tsx';
import './capture.css';

export function CaptureCard({ feed, onClose }: { feed: Feed; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <aside className="capture-card" data-testid="capture-card" aria-label={t('capture.title')}>
      {feed.link && feed.open && <QrCode text={feed.link} size={150} label={t('capture.link')} />}
      <div>
        <div className="capture-card-name">{feed.name}</div>
        {feed.link && feed.open && (
          <>
            <div className="muted">{t('capture.scan')}</div>
            <div className="capture-card-link">{feed.link.replace(/^https?:\/\//, '')}</div>
          </>
        )}
        <div>
          <span data-testid="feed-approved">{t('capture.approvedCount', { count: feed.approved })}</span> · {t('capture.pendingCount', { count: feed.pending })}
          {!feed.open && <> · {t('capture.closed')}</>}
        </div>
      </div>
      <button type="button" className="close" aria-label={t('form.close')} onClick={onClose}>
        ×
      </button>
    </aside>
  );
}
