/**
 * Live capture in the browser (headless Chromium, demo network): the moderator opens a session from
 * the explorer, which becomes the projector; a participant on a phone-sized page submits their
 * organisation and a partner; the moderator's queue shows it within 2 s; after approval the projector
 * draws the new actor and tie marked as new within 2 s; after closing, the phone says so.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExplorer, whenReady, type ExplorerSession } from '../support/explorer-page.ts';

let session: ExplorerSession;
let editorToken: string;
let phoneContext: BrowserContext;
let moderatorContext: BrowserContext;
let projector: Page;
let phone: Page;
let moderator: Page;
let sessionId = '';
let link = '';

const NEW_ACTOR = 'innungsverband-elektrohandwerk-meissen';

beforeAll(async () => {
  session = await openExplorer();
  const r = await session.server.gql<{ createToken: { secret: string } }>('mutation { createToken(name: "Moderation Riesa", role: EDITOR) { secret } }', {}, session.server.adminSecret ?? '');
  editorToken = r.data?.createToken.secret ?? '';
  projector = session.page;
  phoneContext = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  phone = await phoneContext.newPage();
  moderatorContext = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  moderator = await moderatorContext.newPage();
  for (const p of [phone, moderator]) {
    p.on('console', (m) => m.type() === 'error' && session.problems.push(`console: ${m.text()}`));
    p.on('pageerror', (e) => session.problems.push(`pageerror: ${e.message}`));
  }
}, 120_000);
afterAll(async () => {
  await phoneContext?.close();
  await moderatorContext?.close();
  await session?.close();
});

describe('live capture at a workshop', () => {
  it('the moderator opens a session from the explorer; the projector shows its link', async () => {
    await projector.goto(`${session.server.url}?token=${editorToken}`);
    await whenReady(projector);
    await projector.getByTestId('capture-toggle').click();
    await projector.getByTestId('capture-name').fill('Workshop Riesa, 12.03.2027');
    await projector.getByTestId('capture-open').click();
    link = (await projector.getByTestId('opened-link').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${session.server.url}c/[A-Za-z0-9_-]{11}$`));
    await projector.keyboard.press('Escape');
    const card = projector.getByTestId('capture-card');
    await card.waitFor();
    expect(await card.getByTestId('capture-qr').getAttribute('data-text')).toBe(link);
    const sessions = await session.server.gql<{ captureSessions: { id: string; link: string }[] }>('{ captureSessions { id link } }', {}, editorToken);
    sessionId = sessions.data?.captureSessions.find((s) => s.link === link)?.id ?? '';
    expect(sessionId).toMatch(/^cs-/);
    await moderator.goto(`${session.server.url}capture/${sessionId}?token=${editorToken}`);
    await moderator.getByTestId('moderator-page').waitFor();
    expect(await moderator.getByTestId('capture-link').textContent()).toBe(link);
  });

  it('a participant on a phone creates their organisation, names a partner and submits; the queue shows it within 2 s', async () => {
    await phone.goto(link);
    await phone.getByTestId('capture-page').waitFor();
    expect(await phone.locator('h1').textContent()).toBe('Workshop Riesa, 12.03.2027');
    // The page fits the phone: nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const org = phone.getByTestId('org-search');
    await org.locator('input').fill('Innungsverband Elektrohandwerk Meißen');
    await phone.getByTestId('org-search-create').click();
    await phone.getByTestId('org-kind').selectOption('chamber');
    await phone.getByTestId('org-district').selectOption('de-14627');
    // Partner search folds umlauts and forgives a typo: "Qualifizierungszentrm Riesa".
    await phone.getByTestId('partner-search').locator('input').fill('Qualifizierungszentrm Riesa');
    await phone.getByTestId('partner-search').locator('button[data-id="a-qz-riesa"]').click();
    await phone.getByTestId('partner-search').locator('input').fill('Kreishandwerkerschaft Meissen');
    await phone.getByTestId('partner-search').locator('button[data-id="a-khs-meissen"]').click();
    await phone.locator('[data-testid="partners"] li[data-id="a-khs-meissen"] input[value="WISH"]').check();
    await phone.screenshot({ path: 'test-results/capture-phone-form.png' });
    const sent = Date.now();
    await phone.getByTestId('capture-submit').click();
    await phone.getByTestId('capture-notice').waitFor();
    await moderator.locator('[data-testid="capture-queue"] tr[data-state="PENDING"]').waitFor({ timeout: 5000 });
    const queued = Date.now() - sent;
    expect(queued).toBeLessThanOrEqual(2000);
    expect(await moderator.locator('[data-testid="capture-queue"] tr[data-state="PENDING"]').textContent()).toContain('Qualifizierungszentrum Region Riesa GmbH');
    const mine = phone.locator('[data-testid="capture-mine"] li');
    expect(await mine.count()).toBe(1);
    expect(await mine.first().getAttribute('data-state')).toBe('PENDING');
    // Nothing in the network yet.
    expect(await projector.evaluate((id) => window.__atlas?.renderedPosition?.(id) ?? null, NEW_ACTOR)).toBeNull();
  });

  it('after approval the projector draws the new actor and its tie, marked as new, within 2 s', async () => {
    await moderator.screenshot({ path: 'test-results/capture-queue.png' });
    const clicked = Date.now();
    await moderator.getByTestId('approve').first().click();
    await projector.waitForFunction((id) => window.__atlas?.captured?.().includes(id) ?? false, NEW_ACTOR, { timeout: 10_000, polling: 50 });
    const shown = Date.now() - clicked;
    expect(shown).toBeLessThanOrEqual(2000);
    await whenReady(projector);
    const captured = await projector.evaluate(() => window.__atlas?.captured?.() ?? []);
    expect(captured).toContain(NEW_ACTOR);
    // The cooperation with the Qualifizierungszentrum is marked; the wished tie is not a network tie.
    const edges = await session.server.gql<{ network: { edges: { id: string; source: string; target: string; kind: string }[] } }>('{ network { edges { id source target kind } } }');
    const coop = edges.data?.network.edges.find((e) => e.kind === 'cooperation' && [e.source, e.target].sort().join() === ['a-qz-riesa', NEW_ACTOR].sort().join());
    expect(coop).toBeDefined();
    expect(captured).toContain(coop?.id);
    expect(edges.data?.network.edges.some((e) => [e.source, e.target].includes(NEW_ACTOR) && [e.source, e.target].includes('a-khs-meissen'))).toBe(false);
    await moderator.locator('[data-testid="capture-queue"] tr[data-state="APPROVED"]').waitFor();
    await projector.screenshot({ path: 'test-results/capture-projector.png' });
    await phone.locator('[data-testid="capture-mine"] li[data-state="APPROVED"]').waitFor({ timeout: 10_000 });
  });

  it('the moderator downloads the entries as CSV and adds the report as a story slide', async () => {
    const [download] = await Promise.all([moderator.waitForEvent('download'), moderator.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`erfassung-${sessionId}-${new Date().toISOString().slice(0, 10)}.csv`);
    await moderator.getByTestId('report-slide').click();
    const href = await moderator.getByTestId('report-story').getAttribute('href');
    expect(href).toMatch(/^\/\?story=workshop-riesa-12-03-2027-ergebnis-cs-/);
  });

  it('once the moderator closes the session, the phone says so (in English after the switch)', async () => {
    await moderator.getByTestId('capture-close').click();
    await moderator.getByTestId('capture-close').waitFor({ state: 'detached' });
    await phone.reload();
    await phone.getByTestId('capture-closed').waitFor();
    expect(await phone.getByTestId('capture-closed').textContent()).toContain('Die Moderation hat die Erfassung beendet.');
    await phone.getByTestId('capture-lang').click();
    expect(await phone.getByTestId('capture-closed').textContent()).toContain('The moderator has ended the capture.');
    expect(session.problems).toEqual([]);
  });
});
