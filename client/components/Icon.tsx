/** Small line icons (inline SVG: they look the same everywhere, no icon font needed). */
const PATHS = {
  edit: 'M3 13.5V16h2.5l7.4-7.4-2.5-2.5L3 13.5zm11.7-6.8a.7.7 0 0 0 0-1l-1.4-1.4a.7.7 0 0 0-1 0l-1.2 1.2 2.5 2.5 1.1-1.3z',
  trash: 'M6 3V2h5v1h3.5v1.5h-12V3H6zm-2 3h9l-.7 9.2a1 1 0 0 1-1 .8H5.7a1 1 0 0 1-1-.8L4 6zm2.4 1.5.4 7h1l-.3-7H6.4zm3.1 0-.3 7h1l.4-7h-1.1z',
  plus: 'M7.5 3h2v4.5H14v2H9.5V14h-2V9.5H3v-2h4.5V3z',
  upload: 'M8.5 2 4 6.5h3V11h3V6.5h3L8.5 2zM3 12v2.5h11V12h-1.5v1h-8v-1H3z',
  key: 'M11 2a4 4 0 0 0-3.8 5.2L2 12.4V15h2.6v-1.5h1.5V12h1.5l1.6-1.6A4 4 0 1 0 11 2zm1 2.2a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon-svg" viewBox="0 0 17 17" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
