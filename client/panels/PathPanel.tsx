/** The path finder: two actors, all shortest cooperation paths highlighted on the canvas and listed here. */
import { useTranslation } from 'react-i18next';
import { PATH_LIMIT } from '../api/queries.ts';
import type { NetworkNode, NodeRef, Path } from '../api/types.ts';
import type { ExplorerState } from '../state/explorer.ts';
import type { Dispatch } from '../state/useExplorer.ts';
import { NodeLink } from './DetailsPanel.tsx';
import { SearchBox } from './SearchBox.tsx';
import { TypeIcon } from './TypeIcon.tsx';
import { useNameOf } from '../components/pseudo.ts';

const ACTORS = ['ACTOR'] as const;


export interface PathPanelProps {
  state: ExplorerState;
  paths: Path[] | null;
  loading: boolean;
  /** A translated error message when the paths could not be loaded. */
  error: string | null;
  onRetry(): void;
  /** Labels of the ends (from the drawn network or the found paths). */
  labelOf(id: string): NetworkNode | null;
  dispatch: Dispatch;
  onNavigate(ref: NodeRef): void;
}

export function PathPanel({ state, paths, loading, error, onRetry, labelOf, dispatch, onNavigate }: PathPanelProps) {
  const { t } = useTranslation();
  // An end the network does not draw: its pseudonym while they are on, never the id (made from the name).
  const nameOf = useNameOf();
  const end = (which: 'from' | 'to') => {
    const id = state.path[which];
    const node = id ? labelOf(id) : null;
    return (
      <div className="path-end">
        <span className="path-end-label">{t(`path.${which}`)}</span>
        {id ? (
          <span className="chosen" data-testid={`path-${which}-chosen`} data-id={id}>
            {node && <TypeIcon type={node.type} kind={node.kind} />}
            {node?.label ?? nameOf(id, 'ACTOR', id)}
            <button type="button" className="close" aria-label={t('path.clear')} onClick={() => dispatch({ type: 'setPathEnd', end: which, id: null })}>
              ×
            </button>
          </span>
        ) : (
          <SearchBox label={`${t(`path.${which}`)}: ${t('path.choose')}`} placeholder={t('path.choose')} types={ACTORS} testId={`path-${which}-search`} onChoose={(h) => dispatch({ type: 'setPathEnd', end: which, id: h.id })} />
        )}
      </div>
    );
  };
  const both = state.path.from && state.path.to;
  return (
    <section className="path-panel" aria-labelledby="path-title" data-testid="path-panel">
      <h2 id="path-title">{t('path.title')}</h2>
      {end('from')}
      {end('to')}
      {both && (
        <div className="row">
          <button type="button" className="link" onClick={() => dispatch({ type: 'swapPath' })}>
            {t('path.swap')}
          </button>
          <button type="button" className="link" onClick={() => dispatch({ type: 'clearPath' })} data-testid="path-clear">
            {t('path.clear')}
          </button>
        </div>
      )}
      {!both && <p className="hint">{t('path.hint')}</p>}
      {both && state.path.from === state.path.to && <p className="hint">{t('path.same')}</p>}
      {both && error && (
        <p role="alert" className="error" data-testid="path-error">
          {error}{' '}
          <button type="button" className="link" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </p>
      )}
      {both && loading && <p className="hint">{t('path.searching')}</p>}
      {both && !loading && paths && state.path.from !== state.path.to && (
        <div data-testid="path-result" data-count={paths.length} data-length={paths[0]?.length ?? 0}>
          <p>
            {paths.length === 0 ? t('path.none') : t('path.found', { count: paths.length, length: paths[0]?.length ?? 0 })}
            {paths.length >= PATH_LIMIT && ` ${t('path.limited', { count: PATH_LIMIT })}`}
          </p>
          <ol className="paths">
            {paths.map((p, i) => (
              <li key={i} data-testid="path">
                {p.nodes.map((n, j) => (
                  <span key={n.id}>
                    {j > 0 && <span aria-hidden="true"> → </span>}
                    <NodeLink node={n} onNavigate={onNavigate} />
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
