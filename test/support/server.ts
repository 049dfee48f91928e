/** Starts the real server on a free port with a throw-away data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { startServer, type Running, type StartOptions } from '../../server/main.ts';

export interface TestServer extends Running {
  /** A GraphQL request; `token` is sent as `Authorization: Bearer …`. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  dataDir: string;
}

export interface GqlResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export async function startTestServer(opts: StartOptions & { env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-test-'));
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', ...opts.env });
  const running = await startServer(config, { log: () => undefined, ...opts });
  return {
    ...running,
    dataDir,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> {
      const res = await fetch(`${running.url}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as Omit<GqlResult<T>, 'status'>) };
    },
  };
}
