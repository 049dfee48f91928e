/**
 * `npm start`: builds the client if it is missing (or older than its sources), then serves API and
 * client on one port and prints the URL.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_DIR, main } from './main.ts';

const CLIENT_SRC = fileURLToPath(new URL('../client', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function clientIsStale(): boolean {
  const built = ['index.html', 'graphiql.html'].map((f) => join(CLIENT_DIR, f));
  if (!built.every(existsSync)) return true;
  return newest(CLIENT_SRC) > Math.min(...built.map((f) => statSync(f).mtimeMs));
}

if (clientIsStale()) {
  console.log('Building the client (once) …');
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
await main();
