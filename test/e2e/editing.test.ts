/**
 * Editing in the explorer (headless Chromium, demo network): a sign-in link keeps its token out of
 * the address bar; an editor edits an actor in the details panel (and meets a CONFLICT after someone
 * else's change), adds a cooperation between two shift-selected actors, and imports a file through
 * the wizard after its dry-run report; a viewer link shows no edit controls at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExplorer, whenReady, type ExplorerSession } from '../support/explorer-page.ts';

let session: ExplorerSession;
let editorToken: string;
let viewerToken: string;
let context: BrowserContext;
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'netzwerkatlas-e2e-import-'));

async function token(role: string, name: string): Promise<string> {
  const r = await session.server.gql<{ createToken: { secret: string } }>(
    `mutation { createToken(name: "${name}", role: ${role}) { secret } }`,
    {},
    session.server.adminSecret ?? '',
  );
  return r.data?.createToken.secret ?? '';
}

beforeAll(async () => {
  session = await openExplorer();
  editorToken = await token('EDITOR', 'Netzwerkmanagement');
  viewerToken = await token('VIEWER', 'Workshop Delitzsch');
  context = await session.browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.on('pageerror', (e) => session.problems.push(`pageerror: ${e.message}`));
}, 120_000);
afterAll(async () => {
  rmSync(files, { recursive: true, force: true });
  await context?.close();
  await session?.close();
});

const shot = (name: string) => page.screenshot({ path: `test-results/editing-${name}.png` });
const actorName = async (id: string) =>
  (await session.server.gql<{ actor: { name: string; version: number } }>(`{ actor(id: "${id}") { name version } }`)).data?.actor;

describe('editing in the explorer', () => {
  it('a sign-in link stores the token, removes it from the address bar and shows the role', async () => {
    await page.goto(`${session.server.url}?selected=a-stadt-delitzsch&token=${editorToken}`);
    await whenReady(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('token')).toBeNull();
    expect(url.searchParams.get('selected')).toBe('a-stadt-delitzsch');
    expect(await page.evaluate(() => localStorage.getItem('netzwerkatlas.token'))).toBe(editorToken);
    await page.getByTestId('role-badge').waitFor();
    expect(await page.getByTestId('session').textContent()).toContain('Netzwerkmanagement');
  });

  it('edits an actor in the details panel; the server has the new name and version', async () => {
    await page.getByTestId('edit').click();
    const form = page.getByTestId('edit-form');
    await form.waitFor();
    await form.locator('[data-field="website"]').fill('www.delitzsch.de');
    await form.locator('[data-field="name"]').fill('Große Kreisstadt Delitzsch');
    await shot('form');
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('details').getByText('Große Kreisstadt Delitzsch').first().waitFor();
    expect(await actorName('a-stadt-delitzsch')).toEqual({ name: 'Große Kreisstadt Delitzsch', version: 2 });
  });

  it('a change made elsewhere meanwhile is a conflict: the form says so and overwrites nothing', async () => {
    await page.getByTestId('edit').click();
    const form = page.getByTestId('edit-form');
    await form.waitFor();
    // Someone else renames the actor while the form is open.
    await session.server.gql('mutation { updateActor(id: "a-stadt-delitzsch", version: 2, input: { name: "Stadt Delitzsch" }) { version } }', {}, editorToken);
    await form.locator('[data-field="name"]').fill('Delitzsch (aus altem Formular)');
    await form.getByTestId('save').click();
    await page.getByTestId('conflict-reload').waitFor();
    await shot('conflict');
    expect(await actorName('a-stadt-delitzsch')).toEqual({ name: 'Stadt Delitzsch', version: 3 });
    await page.getByTestId('conflict-reload').click();
    expect(await page.getByTestId('edit-form').locator('[data-field="name"]').inputValue()).toBe('Stadt Delitzsch');
  });

  it('adds a cooperation between two shift-selected actors', async () => {
    await page.goto(`${session.server.url}?selected=a-zarof&also=a-stadt-delitzsch`);
    await whenReady(page);
    await page.getByTestId('selection-pair').waitFor();
    await page.getByTestId('pair-cooperation').click();
    const form = page.getByTestId('cooperation-form');
    await form.waitFor();
    await form.locator('[data-field="kind"]').selectOption('service');
    await form.locator('[data-field="since"]').fill('03.2024');
    await shot('cooperation');
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
    const r = await session.server.gql<{ actor: { cooperations: { partner: { id: string }; kind: string; since: string | null }[] } }>(
      '{ actor(id: "a-zarof") { cooperations { partner { id } kind since } } }',
    );
    expect(r.data?.actor.cooperations).toContainEqual({ partner: { id: 'a-stadt-delitzsch' }, kind: 'service', since: '2024-03' });
  });

  it('imports a file through the wizard: dry-run report first, then applied', async () => {
    writeFileSync(
      join(files, 'actors.csv'),
      'id;name;kind;sectors;region_id;website;description;tags;sources\na-chemiepark;Chemiepark Bitterfeld-Wolfen GmbH;company;chemie;de-14730;;;;\n',
    );
    const before = (await session.server.store.stats()).actors;
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-input').setInputFiles([join(files, 'actors.csv')]);
    await page.getByTestId('import-check').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await shot('import-report');
    expect(await report.textContent()).toMatch(/Akteure\s*1\s*0\s*0/);
    expect((await session.server.store.stats()).actors).toBe(before); // the dry run wrote nothing
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    expect((await session.server.store.stats()).actors).toBe(before + 1);
    await page.getByTestId('import-close').click();
  });

  it('a viewer link opens the explorer read-only: no edit, import or create controls', async () => {
    const viewer = await session.browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const v = await viewer.newPage();
      await v.goto(`${session.server.url}?selected=a-zarof&token=${viewerToken}`);
      await whenReady(v);
      await v.getByTestId('details').waitFor();
      await v.getByTestId('role-badge').waitFor();
      expect(await v.getByTestId('session').textContent()).toContain('Workshop Delitzsch');
      expect(await v.locator('[data-testid="edit-actions"], [data-testid="edit"], [data-testid="relation-edit"], [data-testid="create-buttons"]').count()).toBe(0);
      await v.getByTestId('export-menu').locator('summary').click();
      expect(await v.getByTestId('import-open').count()).toBe(0);
      await v.screenshot({ path: 'test-results/editing-viewer.png' });
    } finally {
      await viewer.close();
    }
    expect(session.problems).toEqual([]);
  });
});
