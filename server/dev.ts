/**
 * `npm run dev`: the API (restarted by tsx watch on server changes) and Vite's dev server with hot
 * reload for the client, which proxies /graphql to the API.
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { loadConfig } from './config.ts';
import { startServer } from './main.ts';

const config = loadConfig();
const api = await startServer({ ...config, development: true });
const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: {
    proxy: { '/graphql': api.url.replace(/\/$/, ''), '/healthz': api.url.replace(/\/$/, '') },
  },
});
await vite.listen();
console.log(`API at ${api.url}graphql`);
vite.printUrls();
