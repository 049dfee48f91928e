/** "Bild": the current view as PNG (a chosen size up to 4K) or SVG, with a title and the legend drawn in. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../components/useDismiss.ts';
import { PICTURE_SIZES, type Size } from './frame.ts';

export interface PictureMenuProps {
  defaultTitle: string;
  onExport(kind: 'png' | 'svg', size: Size, title: string): Promise<void>;
}

export function PictureMenu({ defaultTitle, onExport }: PictureMenuProps) {
  const { t } = useTranslation();
  const ref = useDismiss<HTMLDetailsElement>();
  const [title, setTitle] = useState<string | null>(null);
  const [size, setSize] = useState(1);
  const [busy, setBusy] = useState<'png' | 'svg' | null>(null);
  const [failed, setFailed] = useState(false);
  const run = async (kind: 'png' | 'svg') => {
    setBusy(kind);
    setFailed(false);
    try {
      await onExport(kind, PICTURE_SIZES[size] ?? (PICTURE_SIZES[0] as Size), title ?? defaultTitle);
    } catch (e) {
      console.warn('Picture export failed', e);
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return (
    <details className="picture-menu menu" data-testid="picture-menu" ref={ref}>
      <summary>{t('picture.label')}</summary>
      <div className="menu-panel">
        <p className="hint">{t('picture.hint')}</p>
        <label className="form-label" htmlFor="picture-title">
          {t('picture.title')}
        </label>
        <input id="picture-title" type="text" value={title ?? defaultTitle} onChange={(e) => setTitle(e.target.value)} data-testid="picture-title" />
        <label className="form-label" htmlFor="picture-size">
          {t('picture.size')}
        </label>
        <select id="picture-size" value={size} onChange={(e) => setSize(Number(e.target.value))} data-testid="picture-size">
          {PICTURE_SIZES.map((s, i) => (
            <option key={`${s.w}x${s.h}`} value={i}>
              {t('picture.sizeOption', { w: s.w, h: s.h })}
            </option>
          ))}
        </select>
        <div className="form-buttons">
          <button type="button" disabled={busy !== null} onClick={() => void run('png')} data-testid="picture-png">
            {busy === 'png' ? t('picture.busy') : t('picture.png')}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void run('svg')} data-testid="picture-svg">
            {busy === 'svg' ? t('picture.busy') : t('picture.svg')}
          </button>
        </div>
        {failed && (
          <p className="error" role="alert">
            {t('picture.failed')}
          </p>
        )}
      </div>
    </details>
  );
}
