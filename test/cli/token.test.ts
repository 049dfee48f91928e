/**
 * `npm run token`: create a named token with a role (secret and sign-in link shown once, only the
 * hash stored), list, revoke; usage errors exit 2, an unknown id exits 1.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from '../../server/auth/tokens.ts';
import { loadConfig } from '../../server/config.ts';
import { openStore } from '../../server/store/open-store.ts';

const CLI = fileURLToPath(new URL('../../server/cli/token.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
// A fresh working directory: the CLI's store (DATA_DIR defaults to ./data) is a new embedded one.
const work = mkdtempSync(join(tmpdir(), 'netzwerkatlas-token-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, CLI, ...args], { cwd: work }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

async function withStore<T>(f: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig(undefined, work));
  try {
    await store.init();
    return await f(store);
  } finally {
    await store.close();
  }
}

// With NEO4J_URI set the CLI would write tokens into that shared database; token storage is covered
// for Neo4j by the contract suite, so the CLI runs on the embedded store only.
const onNeo4j = loadConfig(undefined, work).neo4j !== null;
if (onNeo4j) console.warn('npm run token test skipped: NEO4J_URI is set (it runs against the embedded store)');

describe.skipIf(onNeo4j)('npm run token', () => {
  it('create → list → revoke', async () => {
    const created = await run(['create', '--role', 'viewer', '--name', 'Workshop Delitzsch']);
    expect(created.code).toBe(0);
    const secret = /Secret \(shown only now\): (nwa_\S+)/.exec(created.stdout)?.[1] ?? '';
    const id = /viewer token (t-[0-9a-f]+)/.exec(created.stdout)?.[1] ?? '';
    expect(created.stdout).toContain(`http://127.0.0.1:4000/#token=${secret}`);
    const stored = await withStore(async (s) => [await verifySecret(s, secret), await s.tokens.list()] as const);
    expect(stored[0]).toMatchObject({ id, name: 'Workshop Delitzsch', role: 'viewer', createdBy: 'CLI', hash: hashSecret(secret) });
    expect(JSON.stringify(stored[1])).not.toContain(secret);

    const list = await run(['list']);
    expect(list.stdout).toMatch(new RegExp(`^${id}\\s+viewer\\s+Workshop Delitzsch\\s+created \\d{4}-`, 'm'));

    expect((await run(['revoke', id])).stdout).toContain(`Revoked viewer token ${id}`);
    expect(await withStore((s) => verifySecret(s, secret))).toBeNull();
    expect((await run(['list'])).stdout).not.toContain(id);
    expect((await run(['list', '--all'])).stdout).toMatch(new RegExp(`${id}.*REVOKED`));
  });

  it('create --pseudonymous: a pseudonymised share link (viewer only)', async () => {
    const created = await run(['create', '--role', 'viewer', '--name', 'Workshop offen', '--pseudonymous']);
    expect(created.stdout).toMatch(/Created viewer token t-[0-9a-f]+ "Workshop offen" \(pseudonymised\)\./);
    const secret = /Secret \(shown only now\): (nwa_\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(await withStore((s) => verifySecret(s, secret))).toMatchObject({ role: 'viewer', pseudonymous: true });
    const editor = await run(['create', '--role', 'editor', '--name', 'x', '--pseudonymous']);
    expect([editor.code, editor.stderr]).toEqual([1, expect.stringMatching(/only a viewer token can be pseudonymised/)]);
  });

  it('usage errors exit 2, an unknown token exits 1', async () => {
    const bad = await run(['create', '--role', 'boss', '--name', 'x']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('role: must be one of viewer, editor, admin')]);
    expect((await run(['create', '--role', 'editor'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    const unknown = await run(['revoke', 't-000000000000']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('no token "t-000000000000"')]);
  });
});
