/**
 * Placeholder start page until the explorer lands: shows that the API and the demo network are up.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Stats {
  store: string;
  actors: number;
  projects: number;
  regions: number;
  events: number;
  participations: number;
  cooperations: number;
}
interface ProjectNode {
  id: string;
  label: string;
  startYear: number | null;
  endYear: number | null;
}

const QUERY = `{
  stats { store actors projects regions events participations cooperations }
  network(filter: { nodeTypes: [PROJECT], limit: 200 }) { nodes { id label startYear endYear } }
}`;

const nf = new Intl.NumberFormat('de-DE');

function App() {
  const [data, setData] = useState<{ stats: Stats; projects: ProjectNode[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) })
      .then((r) => r.json() as Promise<{ data?: { stats: Stats; network: { nodes: ProjectNode[] } }; errors?: { message: string }[] }>)
      .then((r) => {
        if (r.errors?.length || !r.data) throw new Error(r.errors?.[0]?.message ?? 'Keine Daten');
        setData({ stats: r.data.stats, projects: [...r.data.network.nodes].sort((a, b) => a.label.localeCompare(b.label, 'de')) });
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 900, margin: '2rem auto', padding: '0 1rem', lineHeight: 1.5 }}>
      <h1>Netzwerkatlas</h1>
      <p>Regionale Kooperationsnetzwerke: wer mit wem zusammenarbeitet, und wo Lücken sind.</p>
      {error && <p role="alert">Die Daten konnten nicht geladen werden: {error}</p>}
      {!data && !error && <p>Lädt …</p>}
      {data && (
        <>
          <p data-testid="stats">
            {nf.format(data.stats.actors)} Akteure, {nf.format(data.stats.projects)} Projekte, {nf.format(data.stats.events)} Veranstaltungen,{' '}
            {nf.format(data.stats.regions)} Regionen, {nf.format(data.stats.participations + data.stats.cooperations)} Beziehungen
            {' '}({data.stats.store === 'neo4j' ? 'Neo4j' : 'eingebettete Datenbank'}).
          </p>
          <h2>Projekte</h2>
          <ul>
            {data.projects.map((p) => (
              <li key={p.id}>
                {p.label}
                {p.startYear !== null && ` (${p.startYear}${p.endYear === p.startYear ? '' : `–${p.endYear ?? ''}`})`}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/graphql">GraphQL-Schnittstelle (GraphiQL)</a>
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
