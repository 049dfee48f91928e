/**
 * A search field with suggestions from the API (`input[type=search]`, ARIA combobox): arrow keys move,
 * Enter chooses, Escape closes the list (a second Escape clears the field).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { search } from '../api/queries.ts';
import type { NodeType, SearchHit } from '../api/types.ts';
import { useNameOf } from '../components/pseudo.ts';
import { TypeIcon } from './TypeIcon.tsx';

export interface SearchBoxProps {
  label: string;
  placeholder?: string;
  /** Only hits of these types (e.g. actors for the path finder). */
  types?: readonly NodeType[];
  testId?: string;
  /** Hits left out (e.g. the actor itself when choosing a partner). */
  exclude?: readonly string[];
  autoFocus?: boolean;
  onChoose(hit: SearchHit): void;
}

const DEBOUNCE_MS = 180;

export function SearchBox({ label, placeholder, types, testId, exclude, autoFocus, onChoose }: SearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const listId = useId();
  // A stable value for the effect below (callers pass a fresh array each render).
  const excludeKey = exclude?.join('\n') ?? '';
  const excluded = useMemo(() => (excludeKey === '' ? null : excludeKey.split('\n')), [excludeKey]);
  const inputRef = useRef<HTMLInputElement>(null);
  // Pseudonymised mode: suggestions show actors by kind and number.
  const nameOf = useNameOf();

  useEffect(() => {
    const q = text.trim();
    if (q === '') {
      setHits([]);
      setSearched('');
      return;
    }
    const ac = new AbortController();
    const timer = setTimeout(() => {
      search(q, types, ac.signal)
        .then((hs) => {
          setHits(excluded ? hs.filter((h) => !excluded.includes(h.id)) : hs);
          setSearched(q);
          setFailed(null);
          setActive(0);
          setOpen(true);
        })
        .catch((e: unknown) => {
          if (ac.signal.aborted) return;
          setHits([]);
          setSearched(q);
          setFailed(e instanceof ApiError ? e.code : 'UNKNOWN');
          setOpen(true);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [text, types, excluded]);

  const choose = (h: SearchHit) => {
    onChoose({ ...h, label: nameOf(h.id, h.type, h.label) });
    setOpen(false);
    setText('');
    setHits([]);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      const h = hits[active];
      // Only the suggestions for what is typed now (not the previous query's, before the debounce).
      if (open && h && searched === text.trim()) {
        e.preventDefault();
        choose(h);
      }
    } else if (e.key === 'Escape') {
      // Handled here: the page-wide Escape (clear selection) must not fire while typing, nor close a dialog around it.
      e.stopPropagation();
      e.preventDefault();
      if (open && hits.length) setOpen(false);
      else setText('');
    }
  };

  const showList = open && text.trim() !== '' && searched !== '';
  return (
    <div className="search-box">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder ?? label}
        value={text}
        data-testid={testId}
        autoComplete="off"
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => hits.length && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul className="suggestions" id={listId} role="listbox" aria-label={label}>
          {hits.length === 0 && (
            <li className="suggestion empty" role="option" aria-selected={false} aria-disabled="true">
              {failed ? t(`errors.${failed}`, { field: 'text' }) : t('search.none', { text: searched })}
            </li>
          )}
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'suggestion active' : 'suggestion'}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(h);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <TypeIcon type={h.type} kind={h.kind} />
              <span className="suggestion-label">{nameOf(h.id, h.type, h.label)}</span>
              <span className="suggestion-type">{t(`nodeType.${h.type}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
