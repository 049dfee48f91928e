/** The export menu: downloads of the whole network for Excel, Gephi, yEd, Neo4j and as JSON. */
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../config.ts';

export const EXPORTS = ['xlsx', 'gexf', 'graphml', 'json', 'cypher'] as const;

export function ExportMenu() {
  const { t } = useTranslation();
  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>{t('export.label')}</summary>
      <ul>
        {EXPORTS.map((f) => (
          <li key={f}>
            <a href={exportUrl(f)} download data-format={f}>
              <strong>{t(`export.${f}.name`)}</strong> <span className="hint">{t(`export.${f}.for`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
