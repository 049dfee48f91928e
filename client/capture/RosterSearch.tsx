/** Search-as-you-type over a session's roster (the server folds umlauts and tolerates typos). */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../api/capture.ts';

export function RosterSearch(props: {
  label: string;
  search: (text: string) => Promise<RosterEntry[]>;
  onChoose: (e: RosterEntry) => void;
  /** Offered below the matches: create what was typed. */
  onCreate?: (text: string) => void;
  exclude?: ReadonlySet<string>;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<RosterEntry[] | null>(null);
  const { search } = props;
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      search(q).then(
        (r) => live && setHits(r),
        () => live && setHits([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, search]);
  const shown = (hits ?? []).filter((h) => !props.exclude?.has(h.id));
  return (
    <div className="roster-search" data-testid={props.testId}>
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type="search" autoComplete="off" value={text} placeholder={t('capture.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
      {hits !== null && (
        <ul className="roster-hits" aria-label={props.label} aria-live="polite">
          {shown.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                data-id={h.id}
                onClick={() => {
                  props.onChoose(h);
                  setText('');
                }}
              >
                {h.name}
                {h.isNew && <span className="badge">{t('capture.isNew')}</span>}
              </button>
            </li>
          ))}
          {shown.length === 0 && !props.onCreate && <li className="muted">{t('capture.noMatch')}</li>}
          {props.onCreate && (
            <li>
              <button
                type="button"
                className="create"
                data-testid={`${props.testId}-create`}
                onClick={() => {
                  props.onCreate?.(text.trim());
                  setText('');
                }}
              >
                {t('capture.createOrg', { name: text.trim() })}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
