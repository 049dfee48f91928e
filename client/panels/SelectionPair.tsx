/**
 * Two selected nodes (shift-click): name both, find the paths between them, and — for editors, when
 * both are actors — add a direct tie between them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeRef } from '../api/types.ts';
import { Icon } from '../components/Icon.tsx';
import { CooperationForm } from '../edit/CooperationForm.tsx';
import type { Dispatch } from '../state/useExplorer.ts';
import { NodeLink } from './DetailsPanel.tsx';

export interface SelectionPairProps {
  first: NodeRef;
  second: NodeRef;
  canEdit: boolean;
  dispatch: Dispatch;
  onNavigate(ref: NodeRef): void;
}

export function SelectionPair({ first, second, canEdit, dispatch, onNavigate }: SelectionPairProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const actors = first.type === 'ACTOR' && second.type === 'ACTOR';
  return (
    <section className="selection-pair" aria-labelledby="pair-title" data-testid="selection-pair">
      <div className="panel-head">
        <h2 id="pair-title">{t('pair.title')}</h2>
        <button type="button" className="close" aria-label={t('pair.clear')} title={t('pair.clear')} onClick={() => dispatch({ type: 'clearAlso' })}>
          ×
        </button>
      </div>
      <p className="pair-names">
        <NodeLink node={first} onNavigate={onNavigate} /> <span aria-hidden="true">+</span> <NodeLink node={second} onNavigate={onNavigate} />
      </p>
      {adding ? (
        <CooperationForm
          key={`${first.id}|${second.id}`}
          actor={first}
          partner={second}
          onDone={() => {
            setAdding(false);
            setAdded(true);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div className="actions">
          {actors && (
            <button
              type="button"
              onClick={() => {
                dispatch({ type: 'setPathEnd', end: 'from', id: first.id });
                dispatch({ type: 'setPathEnd', end: 'to', id: second.id });
              }}
              data-testid="pair-path"
            >
              {t('pair.path')}
            </button>
          )}
          {actors && canEdit && (
            <button
              type="button"
              onClick={() => {
                setAdded(false);
                setAdding(true);
              }}
              data-testid="pair-cooperation"
            >
              <Icon name="plus" /> {t('pair.cooperation')}
            </button>
          )}
          {!actors && <p className="hint">{t('pair.onlyActors')}</p>}
        </div>
      )}
      {added && !adding && (
        <p className="note" role="status" data-testid="pair-added">
          {t('pair.added')}
        </p>
      )}
    </section>
  );
}
