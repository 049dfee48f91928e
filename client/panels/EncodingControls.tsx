/** Size and colour of the actors: by a metric, by community, or (default) degree and kind. */
import { useTranslation } from 'react-i18next';
import { METRIC_KEYS } from '../api/analysis.ts';
import { COLOR_BY, type ColorBy, type ExplorerState, type SizeBy } from '../state/explorer.ts';
import type { Dispatch } from '../state/useExplorer.ts';

export function EncodingControls({ state, dispatch, loading, error, onRetry }: { state: ExplorerState; dispatch: Dispatch; loading: boolean; error: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const label = (k: string) => (k === 'kind' ? t('encoding.kind') : k === 'community' ? t('encoding.community') : t(`metric.${k}`));
  return (
    <div className="encoding" role="group" aria-label={t('encoding.label')}>
      <label>
        {t('encoding.size')}{' '}
        <select value={state.encoding.size} onChange={(e) => dispatch({ type: 'setEncoding', size: e.target.value as SizeBy })} data-testid="encoding-size">
          {METRIC_KEYS.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('encoding.color')}{' '}
        <select value={state.encoding.color} onChange={(e) => dispatch({ type: 'setEncoding', color: e.target.value as ColorBy })} data-testid="encoding-color">
          {COLOR_BY.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </select>
      </label>
      {loading && <span className="hint">{t('encoding.loading')}</span>}
      {error && (
        <span className="error" role="alert" data-testid="encoding-error">
          {error}{' '}
          <button type="button" className="link" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </span>
      )}
    </div>
  );
}
