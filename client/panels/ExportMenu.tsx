/**
 * The data menu: downloads of the whole network for Excel, Gephi, yEd, Neo4j and as JSON, and for
 * editors the import wizard. Plain links; with an access token stored, the download is fetched with
 * the token (a link cannot send it).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { downloadWithToken } from '../api/download.ts';
import { exportUrl } from '../config.ts';
import { Icon } from '../components/Icon.tsx';
import { useDismiss } from '../components/useDismiss.ts';
import { useToken } from '../session/useSession.ts';
import { asApiError } from '../state/useExplorer.ts';

export const EXPORTS = ['xlsx', 'gexf', 'graphml', 'json', 'cypher'] as const;
const EXTENSIONS: Record<(typeof EXPORTS)[number], string> = { xlsx: 'xlsx', gexf: 'gexf', graphml: 'graphml', json: 'json', cypher: 'cypher' };

export interface ExportMenuProps {
  /** Editors: open the import wizard (the menu then reads "Import/Export"). */
  onImport?(): void;
}

export function ExportMenu({ onImport }: ExportMenuProps) {
  const { t } = useTranslation();
  const token = useToken();
  const ref = useDismiss<HTMLDetailsElement>();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const download = async (f: (typeof EXPORTS)[number]) => {
    setBusy(f);
    setError(null);
    try {
      await downloadWithToken(exportUrl(f), `netzwerkatlas.${EXTENSIONS[f]}`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="export-menu" data-testid="export-menu" ref={ref}>
      <summary>{onImport ? t('export.labelWithImport') : t('export.label')}</summary>
      <ul>
        {onImport && (
          <li className="import-item">
            <button
              type="button"
              onClick={() => {
                if (ref.current) ref.current.open = false;
                onImport();
              }}
              data-testid="import-open"
            >
              <strong>
                <Icon name="upload" /> {t('import.open')}
              </strong>{' '}
              <span className="hint">{t('import.openHint')}</span>
            </button>
          </li>
        )}
        {EXPORTS.map((f) => (
          <li key={f}>
            <a
              href={exportUrl(f)}
              download
              data-format={f}
              aria-busy={busy === f || undefined}
              onClick={(e) => {
                if (!token) return;
                e.preventDefault();
                if (!busy) void download(f);
              }}
            >
              <strong>{t(`export.${f}.name`)}</strong> <span className="hint">{busy === f ? t('export.loading') : t(`export.${f}.for`)}</span>
            </a>
          </li>
        ))}
        {error && (
          <li className="error" role="alert">
            {t(`errors.${error.code}`, { field: error.field ?? '' })}
          </li>
        )}
      </ul>
    </details>
  );
}
