/** The offline GraphQL IDE at /graphql: GraphiQL bundled by Vite, no CDN. */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

const example = `# Netzwerkatlas GraphQL API. Try:
query Delitzsch {
  search(text: "Delitzsch", limit: 5) { id type kind label }
  project(id: "p-netzwerk-chemie") {
    name start end
    participants { role actor { id label kind } }
    targets { role region { label } }
  }
}
`;

const root = document.getElementById('graphiql');
if (root) createRoot(root).render(<GraphiQL fetcher={fetcher} defaultQuery={example} />);
