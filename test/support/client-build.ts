/** Builds the client once per test run into a temp folder (the real Vite config). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

let built: Promise<string> | null = null;

export function buildClient(): Promise<string> {
  built ??= (async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'nwa-client-')), 'client');
    await build({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    return outDir;
  })();
  return built;
}
