/**
 * Merge a duplicate into this actor: pick the duplicate via the search, confirm, and everything of it
 * (relationships, sectors, tags, sources, fields this actor lacks) moves here; the duplicate is deleted.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchVersion, mergeActors } from '../api/edit.ts';
import { SearchBox } from '../panels/SearchBox.tsx';
import { dataChanged } from '../state/revision.ts';
import { Confirm } from './Confirm.tsx';
import { useWrite } from './useWrite.ts';
import { WriteError } from './WriteError.tsx';

const ACTORS = ['ACTOR'] as const;

export interface MergeActorProps {
  actor: { id: string; name: string; version: number };
  onDone(): void;
  onCancel(): void;
}

export function MergeActor({ actor, onDone, onCancel }: MergeActorProps) {
  const { t } = useTranslation();
  const [duplicate, setDuplicate] = useState<{ id: string; name: string; version: number } | null>(null);
  const write = useWrite();

  const choose = async (id: string) => {
    const current = await write.run(() => fetchVersion('ACTOR', id));
    if (current) setDuplicate(current);
  };
  const merge = async () => {
    if (!duplicate) return;
    const ok = await write.run(() => mergeActors(actor.id, actor.version, duplicate.id, duplicate.version));
    if (ok) {
      dataChanged();
      onDone();
    }
  };

  return (
    <section className="edit-form merge" aria-label={t('edit.merge.title')} data-testid="merge">
      <h3>{t('edit.merge.title')}</h3>
      <p className="hint">{t('edit.merge.explain', { name: actor.name })}</p>
      {duplicate ? (
        <Confirm
          question={t('edit.merge.question', { duplicate: duplicate.name, name: actor.name })}
          confirmLabel={t('edit.merge.confirm')}
          busy={write.busy}
          onConfirm={() => void merge()}
          onCancel={() => {
            write.clear();
            setDuplicate(null);
          }}
          testId="merge-confirm"
        />
      ) : (
        <>
          <SearchBox label={t('edit.merge.choose')} placeholder={t('edit.merge.choose')} types={ACTORS} exclude={[actor.id]} autoFocus testId="merge-search" onChoose={(h) => void choose(h.id)} />
          <div className="form-buttons">
            <button type="button" onClick={onCancel}>
              {t('edit.cancel')}
            </button>
          </div>
        </>
      )}
      <WriteError error={write.error} onReload={dataChanged} />
    </section>
  );
}
