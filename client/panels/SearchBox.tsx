/**
 * A search field with suggestions from the API (`input[type=search]`, ARIA combobox): arrow keys move,
 * Enter chooses, Escape closes the list (a second Escape clears the field).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { search } from '../api/queries.ts';
import type { NodeType, SearchHit } from '../api/types.ts';
import { TypeIcon } from './TypeIcon.tsx';

export interface SearchBoxProps {
  label: string;
  placeholder?: string;
  /** Only hits of these types (e.g. actors for the path finder). */
  types?: readonly NodeType[];
  testId?: string;
  onChoose(hit: SearchHit): void;
}

const DEBOUNCE_MS = 180;

export function SearchBox({ label, placeholder, types, testId, onChoose }: SearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState('');
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = text.trim();
    if (q === '') {
      setHits([]);
      setSearched('');
      return;
    }
    const ac = new AbortController();
    const timer = setTimeout(() => {
      search(q, ac.signal)
        .then((hs) => {
          setHits(types ? hs.filter((h) => types.includes(h.type)) : hs);
          setSearched(q);
          setActive(0);
          setOpen(true);
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [text, types]);

  const choose = (h: SearchHit) => {
    onChoose(h);
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
      if (open && h) {
        e.preventDefault();
        choose(h);
      }
    } else if (e.key === 'Escape') {
      // Handled here: the page-wide Escape (clear selection) must not fire while typing.
      e.stopPropagation();
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
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => hits.length && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul className="suggestions" id={listId} role="listbox" aria-label={label}>
          {hits.length === 0 && <li className="suggestion empty">{t('search.none', { text: searched })}</li>}
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
              <span className="suggestion-label">{h.label}</span>
              <span className="suggestion-type">{t(`nodeType.${h.type}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
