/**
 * The pseudonymised mode's labels: every actor of the store (not only the drawn ones) is numbered
 * per kind, so labels stay the same across slides and filters. Until the actors are loaded, actor
 * names are withheld rather than shown.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAllActors } from '../api/queries.ts';
import { pseudonymNumbers, pseudonymizeText, pseudonymizer, textReplacements, type NameOf } from './pseudonyms.ts';
import { useDataRevision } from './revision.ts';

const WITHHELD: NameOf = (_id, type, label) => (type === 'ACTOR' ? '…' : label);

export interface Pseudonyms {
  /** Node labels. */
  nameOf: NameOf;
  /** Free text (titles, notes, file names) with actor names and ids replaced; withheld until the actors are known. */
  text(s: string): string;
}

export function usePseudonyms(on: boolean): Pseudonyms | null {
  const { t, i18n } = useTranslation();
  const revision = useDataRevision();
  const [actors, setActors] = useState<{ id: string; kind: string | null; label: string }[] | null>(null);
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
    if (!actors) return { nameOf: WITHHELD, text: (s: string) => (s.trim() ? '…' : s) };
    const nameOf = pseudonymizer(pseudonymNumbers(actors), (kind) => t(`pseudo.kind.${kind}`, { defaultValue: t(`actorKind.${kind}`, { defaultValue: kind }) }));
    const replacements = textReplacements(actors, nameOf);
    return { nameOf, text: (s: string) => pseudonymizeText(s, replacements) };
  }, [on, actors, t, i18n.language]);
}
