/**
 * The editor's actions on the selected node (edit, delete with confirmation, and for actors: add a
 * tie, merge a duplicate), and the create buttons shown when nothing is selected.
 */
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { deleteEntity } from '../api/edit.ts';
import { NODE_TYPES, type Details, type NodeRef, type NodeType } from '../api/types.ts';
import { Icon } from '../components/Icon.tsx';
import { Confirm } from './Confirm.tsx';
import { CooperationForm } from './CooperationForm.tsx';
import { useEditing } from './EditContext.ts';
import { MergeActor } from './MergeActor.tsx';
import { useWrite } from './useWrite.ts';
import { WriteError } from './WriteError.tsx';

export type EditMode = 'view' | 'edit' | 'delete' | 'merge' | 'cooperate';

export interface EntityActionsProps {
  details: Details;
  type: NodeType;
  mode: EditMode;
  onMode(mode: EditMode): void;
  /** The node was deleted, with this many relationship rows. */
  onDeleted(cascaded: number): void;
}

export function EntityActions({ details, type, mode, onMode, onDeleted }: EntityActionsProps) {
  const { t } = useTranslation();
  const { reload } = useEditing();
  const write = useWrite();
  const self: NodeRef = { id: details.id, type, kind: details.__typename === 'Project' ? details.status : details.kind, label: details.name };

  const remove = async () => {
    const done = await write.run(() => deleteEntity(type, details.id, details.version ?? 0));
    if (done) onDeleted(done.cascaded);
  };

  if (mode === 'edit') return null;
  if (mode === 'delete')
    return (
      <div className="edit-panel">
        <Confirm
          question={t(`edit.deleteQuestion.${type}`, { name: details.name })}
          confirmLabel={t('edit.delete')}
          busy={write.busy}
          onConfirm={() => void remove()}
          onCancel={() => {
            write.clear();
            onMode('view');
          }}
          testId="delete-confirm"
        />
        <WriteError error={write.error} onReload={reload} invalidText={t('edit.deleteRefused')} other={reasons(write.error)} />
      </div>
    );
  if (mode === 'merge' && details.__typename === 'Actor')
    return (
      <div className="edit-panel">
        <MergeActor actor={{ id: details.id, name: details.name, version: details.version ?? 0 }} onDone={() => onMode('view')} onCancel={() => onMode('view')} />
      </div>
    );
  if (mode === 'cooperate')
    return (
      <div className="edit-panel">
        <CooperationForm actor={self} onDone={() => onMode('view')} onCancel={() => onMode('view')} />
      </div>
    );
  return (
    <div className="actions edit-actions" role="group" aria-label={t('edit.actions')} data-testid="edit-actions">
      <button type="button" onClick={() => onMode('edit')} data-testid="edit">
        <Icon name="edit" /> {t('edit.edit')}
      </button>
      <button type="button" onClick={() => onMode('delete')} data-testid="delete">
        <Icon name="trash" /> {t('edit.delete')}
      </button>
      {type === 'ACTOR' && (
        <>
          <button type="button" onClick={() => onMode('cooperate')} title={t('edit.cooperation.openTitle')} data-testid="add-cooperation">
            <Icon name="plus" /> {t('edit.cooperation.open')}
          </button>
          <button type="button" onClick={() => onMode('merge')} title={t('edit.merge.openTitle')} data-testid="merge-open">
            {t('edit.merge.open')}
          </button>
          <small className="hint">{t('edit.shiftHint')}</small>
        </>
      )}
    </div>
  );
}

/** Why the server refused: its issues without the field prefix, or its message. */
function reasons(error: ApiError | null): string[] {
  if (!error) return [];
  const issues = error.issues.map((i) => i.message);
  return issues.length ? issues : [error.message];
}

/** With nothing selected: create a node of each type. */
export function CreateButtons({ onCreate }: { onCreate(type: NodeType): void }) {
  const { t } = useTranslation();
  return (
    <section className="create" aria-label={t('edit.createTitle')} data-testid="create-buttons">
      <h3>{t('edit.createTitle')}</h3>
      <div className="actions">
        {NODE_TYPES.map((type) => (
          <button key={type} type="button" onClick={() => onCreate(type)} data-type={type}>
            <Icon name="plus" /> {t(`edit.new.${type}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
