/**
 * The pseudonymised mode's labels: every actor of the store (not only the drawn ones) is numbered
 * per kind, so labels stay the same across slides and filters. Until the actors are loaded, actor
 * names are withheld rather than shown.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAllActors } from '../api/queries.ts';
import { pseudonymNumbers, pseudonymizer, type NameOf } from './pseudonyms.ts';
import { useDataRevision } from './revision.ts';

const WITHHELD: NameOf = (_id, type, label) => (type === 'ACTOR' ? '…' : label);

export function usePseudonyms(on: boolean): NameOf | null {
  const { t, i18n } = useTranslation();
  const revision = useDataRevision();
  const [actors, setActors] = useState<{ id: string; kind: string | null }[] | null>(null);
  useEffect(() => {
    if (!on) return;
    const ac = new AbortController();
    fetchAllActors(ac.signal)
      .then((list) => !ac.signal.aborted && setActors(list))
      .catch(() => undefined);
    return () => ac.abort();
  }, [on, revision]);
  return useMemo(() => {
    if (!on) return null;
    if (!actors) return WITHHELD;
    return pseudonymizer(pseudonymNumbers(actors), (kind) => t(`pseudo.kind.${kind}`, { defaultValue: t(`actorKind.${kind}`, { defaultValue: kind }) }));
  }, [on, actors, t, i18n.language]);
}
