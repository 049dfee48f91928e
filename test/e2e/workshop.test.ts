/**
 * Workshop mode in headless Chromium (demo network): the demo story plays; an editor builds a story
 * of three slides from three different views, presents it (keys, title overlay, the visible nodes
 * of each slide, the stored node positions, speaker notes, Escape), exports the view as PNG at 4K
 * and as SVG with its legend and the story as a PDF of three pages; pseudonyms replace actor names;
 * a viewer's link lands in the story read-only.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExplorer, whenParam, whenReady, type ExplorerSession } from '../support/explorer-page.ts';

let session: ExplorerSession;
let editorToken: string;
let viewerToken: string;
let context: BrowserContext;
let page: Page;
let storyId = '';
/** Visible nodes and ties of each view the story is made of, in slide order. */
const views: { url: string; nodes: number; edges: number }[] = [];

async function token(role: string, name: string): Promise<string> {
  const r = await session.server.gql<{ createToken: { secret: string } }>(`mutation { createToken(name: "${name}", role: ${role}) { secret } }`, {}, session.server.adminSecret ?? '');
  return r.data?.createToken.secret ?? '';
}

interface StoryRow {
  id: string;
  title: string;
  version: number;
  slides: { id: string; title: string; notes: string | null; view: { query: string; positions: Record<string, { x: number; y: number }> | null; zoom: number | null }; reveal: { by: string } }[];
}
const storedStory = async (id: string) =>
  (await session.server.gql<{ story: StoryRow }>('query($id: ID!) { story(id: $id) { id title version slides { id title notes view reveal } } }', { id })).data?.story;

async function counts(p: Page): Promise<{ nodes: number; edges: number }> {
  const el = p.getByTestId('visible-counts');
  return { nodes: Number(await el.getAttribute('data-nodes')), edges: Number(await el.getAttribute('data-edges')) };
}

/** Waits until the presentation shows this slide (and step), its picture standing. */
async function presented(p: Page, slide: number, step?: number): Promise<{ nodes: number; edges: number; steps: number; title: string }> {
  const sel = `[data-testid="presentation"][data-state="ready"][data-slide="${slide}"]${step === undefined ? '' : `[data-step="${step}"]`}`;
  const el = p.locator(sel);
  await el.waitFor({ timeout: 20_000 });
  return {
    nodes: Number(await el.getAttribute('data-nodes')),
    edges: Number(await el.getAttribute('data-edges')),
    steps: Number(await el.getAttribute('data-steps')),
    title: (await p.getByTestId('slide-title-overlay').locator('h2').textContent()) ?? '',
  };
}

async function download(p: Page, click: () => Promise<unknown>, timeout = 30_000): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([p.waitForEvent('download', { timeout }), click()])) as [Download, unknown];
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const slideCount = () => page.getByTestId('slide').count();
/** Waits until the open story is saved with this many slides. */
async function savedSlides(n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="slide"]').length === k && !document.querySelector('[data-testid="story-saving"]'), n, { timeout: 10_000 });
}

beforeAll(async () => {
  session = await openExplorer();
  editorToken = await token('EDITOR', 'Netzwerkmanagement');
  viewerToken = await token('VIEWER', 'Workshop Delitzsch');
  context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && session.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => session.problems.push(`pageerror: ${e.message}`));
}, 120_000);
afterAll(async () => {
  await context?.close();
  await session?.close();
});

const shot = (name: string, p: Page = page) => p.screenshot({ path: `test-results/workshop-${name}.png` });

describe('workshop mode', () => {
  it('the demo story plays: it opens from its link, its first slide shows with its title, an arrow key moves on', async () => {
    const list = await session.server.gql<{ stories: { id: string; title: string; slideCount: number }[] }>('{ stories { id title slideCount } }');
    const demo = list.data?.stories.find((s) => s.title === 'Regionale Netzwerke im Strukturwandel');
    expect(demo?.slideCount).toBeGreaterThanOrEqual(5);
    const stored = await storedStory(demo?.id ?? '');
    const demoPage = await session.browser.newPage({ viewport: { width: 1280, height: 720 } });
    demoPage.on('pageerror', (e) => session.problems.push(`pageerror (demo): ${e.message}`));
    try {
      await demoPage.goto(`${session.server.url}?story=${demo?.id}`);
      await whenReady(demoPage);
      await demoPage.getByTestId('story-view').waitFor();
      // Anyone may read here: no edit controls, but presenting.
      expect(await demoPage.getByTestId('slide-add').count()).toBe(0);
      await demoPage.getByTestId('story-present').click();
      const first = await presented(demoPage, 1);
      expect(first.title).toBe(stored?.slides[0]?.title);
      expect(await demoPage.getByTestId('presentation-progress').textContent()).toMatch(new RegExp(`^1 / ${demo?.slideCount}`));
      await demoPage.keyboard.press('ArrowRight');
      // The first slide reveals region by region: the next key press adds a region (or, without reveal, the next slide).
      const next = first.steps > 1 ? await presented(demoPage, 1, 2) : await presented(demoPage, 2);
      expect(next.nodes).toBeGreaterThan(first.steps > 1 ? first.nodes : 0);
      await shot('demo', demoPage);
      await demoPage.keyboard.press('Escape');
      await demoPage.getByTestId('presentation').waitFor({ state: 'detached' });
    } finally {
      await demoPage.close();
    }
  });

  it('slides on an analysis tab show the analysis beside the network when presented: the region matrix, the white spots', async () => {
    const list = await session.server.gql<{ stories: { id: string; title: string }[] }>('{ stories { id title } }');
    const demo = list.data?.stories.find((s) => s.title === 'Regionale Netzwerke im Strukturwandel');
    const demoPage = await session.browser.newPage({ viewport: { width: 1280, height: 720 } });
    demoPage.on('pageerror', (e) => session.problems.push(`pageerror (analysis slides): ${e.message}`));
    try {
      await demoPage.goto(`${session.server.url}?story=${demo?.id}`);
      await whenReady(demoPage);
      await demoPage.getByTestId('slide-present').nth(6).click();
      expect((await presented(demoPage, 7)).title).toBe('Was sie verbindet');
      const panel = demoPage.getByTestId('analysis-panel');
      await demoPage.getByTestId('heatmap').waitFor({ timeout: 20_000 });
      expect(await panel.getAttribute('data-tab')).toBe('heatmap');
      // On the right, clear of the title; the network fitted into the part beside it.
      const box = await panel.boundingBox();
      expect(box?.x).toBeGreaterThan(640);
      expect(box?.y).toBeGreaterThan(60);
      expect((await demoPage.getByTestId('network-canvas').boundingBox())?.width).toBeLessThan(720);
      // Read only: no tabs or level switch that would change the slide.
      expect(await demoPage.getByTestId('analysis-tab-insights').isVisible()).toBe(false);
      await shot('present-heatmap', demoPage);

      await demoPage.keyboard.press('ArrowRight');
      expect((await presented(demoPage, 8)).title).toBe('Die Lücken dazwischen');
      await demoPage.getByTestId('white-spot').first().waitFor({ timeout: 20_000 });
      expect(await panel.getAttribute('data-tab')).toBe('whitespots');
      await shot('present-whitespots', demoPage);

      // Pseudonyms: the analysis names actors as the server knows them, so it goes.
      await demoPage.keyboard.press('p');
      await panel.waitFor({ state: 'detached' });
      expect((await demoPage.getByTestId('network-canvas').boundingBox())?.width).toBe(1280);
      await demoPage.keyboard.press('Escape');
      await demoPage.getByTestId('presentation').waitFor({ state: 'detached' });
    } finally {
      await demoPage.close();
    }
  });

  it('a slide whose view cannot load says so on an empty canvas, the keys move on, and the PDF leaves it out with a message', async () => {
    const created = await session.server.gql<{ createStory: { id: string } }>(
      'mutation($i: StoryInput!) { createStory(input: $i) { id } }',
      {
        i: {
          title: 'Mit verwaister Folie',
          slides: [
            { id: 's1', title: 'Alles', view: { query: '' }, reveal: { by: 'none' } },
            { id: 's2', title: 'Ein gelöschter Akteur', view: { query: '?focus=a-gibt-es-nicht&depth=1' }, reveal: { by: 'none' } },
            { id: 's3', title: 'Nordsachsen', view: { query: '?regions=de-14730' }, reveal: { by: 'none' } },
          ],
        },
      },
      editorToken,
    );
    const id = created.data?.createStory.id ?? '';
    expect(id).not.toBe('');
    const p = await context.newPage();
    p.on('pageerror', (e) => session.problems.push(`pageerror (broken slide): ${e.message}`));
    try {
      await p.goto(`${session.server.url}?story=${id}`);
      await whenReady(p);
      await p.getByTestId('story-present').click();
      await presented(p, 1);
      await p.keyboard.press('ArrowRight');
      const failed = p.locator('[data-testid="presentation"][data-state="error"][data-slide="2"]');
      await failed.waitFor({ timeout: 20_000 });
      expect(await p.getByTestId('slide-error').textContent()).toContain('Diese Folie kann nicht geladen werden: ');
      expect(await p.getByTestId('slide-error').getAttribute('data-code')).toBe('NOT_FOUND');
      // Not the previous slide's network under the new title.
      await expect.poll(() => failed.getAttribute('data-nodes')).toBe('0');
      expect(await p.getByTestId('slide-title-overlay').locator('h2').textContent()).toBe('Ein gelöschter Akteur');
      await shot('broken-slide', p);
      await p.keyboard.press('ArrowRight');
      expect((await presented(p, 3)).nodes).toBeGreaterThan(0);
      await p.keyboard.press('Escape');
      await p.getByTestId('presentation').waitFor({ state: 'detached' });

      const started = Date.now();
      const pdf = await download(p, () => p.getByTestId('story-pdf').click(), 60_000);
      expect(Date.now() - started).toBeLessThan(25_000);
      expect(pdf.bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(2);
      expect(await p.getByTestId('story-pdf-note').textContent()).toMatch(/ohne Folie 2: .*nicht geladen/);
    } finally {
      await p.close();
    }
  }, 90_000);

  it('an editor creates a story and adds three slides from three different views', async () => {
    await page.goto(`${session.server.url}#token=${editorToken}`);
    await whenReady(page);
    await page.getByTestId('story-toggle').click();
    await page.getByTestId('story-new-title').fill('Workshop Nordsachsen');
    await page.getByTestId('story-create').click();
    await page.getByTestId('story-view').waitFor();
    storyId = new URL(page.url()).searchParams.get('story') ?? '';
    expect(storyId).not.toBe('');

    // Three views: the whole network (force), Nordsachsen on the map, ZAROF's neighbourhood (concentric).
    const urls = [`?story=${storyId}`, `?layout=geo&regions=de-14730&story=${storyId}`, `?layout=concentric&focus=a-zarof&selected=a-zarof&story=${storyId}`];
    for (const [i, q] of urls.entries()) {
      if (i > 0) {
        await page.goto(`${session.server.url}${q}`);
        await whenReady(page);
        await page.getByTestId('story-view').waitFor();
      }
      views.push({ url: q, ...(await counts(page)) });
      await page.getByTestId('slide-add').click();
      await savedSlides(i + 1);
    }
    expect(new Set(views.map((v) => v.nodes)).size).toBe(3);

    // Titles and speaker notes; then the last slide moves up and back down again.
    const slides = page.getByTestId('slide');
    await slides.nth(0).getByTestId('slide-title').fill('Das ganze Netzwerk');
    await slides.nth(0).getByTestId('slide-title').press('Enter');
    await slides.nth(1).getByTestId('slide-title').fill('Nordsachsen auf der Karte');
    await slides.nth(1).getByTestId('slide-notes').fill('Hier zuerst die Stadt Delitzsch zeigen.');
    await slides.nth(2).getByTestId('slide-title').fill('Wer mit ZAROF arbeitet');
    await slides.nth(2).getByTestId('slide-title').press('Tab');
    await expect.poll(async () => (await storedStory(storyId))?.slides.map((s) => s.title)).toEqual(['Das ganze Netzwerk', 'Nordsachsen auf der Karte', 'Wer mit ZAROF arbeitet']);
    await slides.nth(2).getByTestId('slide-up').click();
    await expect.poll(async () => (await storedStory(storyId))?.slides.map((s) => s.title)[1]).toBe('Wer mit ZAROF arbeitet');
    await page.getByTestId('slide').nth(1).getByTestId('slide-down').click();
    await expect.poll(async () => (await storedStory(storyId))?.slides.map((s) => s.title)[2]).toBe('Wer mit ZAROF arbeitet');
    await savedSlides(3);
    await shot('story-panel');

    const story = await storedStory(storyId);
    expect(story?.slides[1]?.notes).toBe('Hier zuerst die Stadt Delitzsch zeigen.');
    expect(story?.slides.map((s) => s.view.query)).toEqual(['', '?layout=geo&regions=de-14730', '?layout=concentric&selected=a-zarof&focus=a-zarof']);
    for (const s of story?.slides ?? []) {
      expect(Object.keys(s.view.positions ?? {}).length).toBeGreaterThan(0);
      expect(s.view.zoom).toBeGreaterThan(0);
    }
  });

  it('presents the story: the keys step through the slides, each shows its view and title; N shows the notes; Escape leaves', async () => {
    const before = page.url();
    await page.getByTestId('story-present').click();
    const one = await presented(page, 1);
    expect(one).toMatchObject({ nodes: views[0]?.nodes, edges: views[0]?.edges, title: 'Das ganze Netzwerk' });
    // Everything else of the explorer is out of the way; the canvas fills the window.
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    const box = await page.getByTestId('network-canvas').boundingBox();
    expect(box).toMatchObject({ width: 1280, height: 720 });

    await page.keyboard.press('ArrowRight');
    const two = await presented(page, 2);
    expect(two).toMatchObject({ nodes: views[1]?.nodes, edges: views[1]?.edges, title: 'Nordsachsen auf der Karte' });
    expect(await page.getByTestId('presentation-progress').textContent()).toBe('2 / 3');
    // The stored picture: every node where the slide has it.
    const positions = (await storedStory(storyId))?.slides[1]?.view.positions ?? {};
    const [id, stored] = Object.entries(positions)[0] ?? ['', { x: 0, y: 0 }];
    const drawn = await page.evaluate((n) => window.__atlas?.modelPosition?.(n) ?? null, id);
    expect(Math.abs((drawn?.x ?? 1e9) - stored.x)).toBeLessThan(1);
    expect(Math.abs((drawn?.y ?? 1e9) - stored.y)).toBeLessThan(1);
    expect(await page.getByTestId('speaker-notes').count()).toBe(0);
    await page.keyboard.press('n');
    expect(await page.getByTestId('speaker-notes').textContent()).toBe('Hier zuerst die Stadt Delitzsch zeigen.');
    await shot('present-2');

    await page.keyboard.press('PageDown');
    const three = await presented(page, 3);
    expect(three).toMatchObject({ nodes: views[2]?.nodes, edges: views[2]?.edges, title: 'Wer mit ZAROF arbeitet' });
    await page.keyboard.press('t');
    await page.locator('[data-testid="presentation"][data-theme="print"]').waitFor();
    await shot('present-3-print');
    await page.keyboard.press(' ');
    expect(await page.getByTestId('presentation').getAttribute('data-slide')).toBe('3'); // the end: stays
    await page.keyboard.press('ArrowLeft');
    expect((await presented(page, 2)).nodes).toBe(views[1]?.nodes);

    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await whenReady(page);
    expect(page.url()).toBe(before);
    expect(await page.locator('.app-header').isVisible()).toBe(true);
  });

  it('exports the view as PNG of the chosen size and as SVG with title and legend, and the story as a PDF of one page per slide', async () => {
    const menu = page.getByTestId('picture-menu');
    await menu.locator('summary').click();
    await menu.getByTestId('picture-title').fill('ZAROF und Partner');
    await menu.getByTestId('picture-size').selectOption({ label: '3840 × 2160 Pixel' });
    const png = await download(page, () => menu.getByTestId('picture-png').click());
    expect(png.name).toBe('zarof-und-partner.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([3840, 2160]);

    const svg = await download(page, () => menu.getByTestId('picture-svg').click());
    expect(svg.name).toBe('zarof-und-partner.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('width="3840" height="2160"');
    expect(text).toContain('>ZAROF und Partner</text>');
    expect(text).toContain('>Legende</text>');
    expect(text).toContain('>direkte Kooperation</text>');
    expect(text).toContain('>ZAROF. GmbH</text>');

    const pdf = await download(page, () => page.getByTestId('story-pdf').click(), 90_000);
    expect(pdf.name).toBe('workshop-nordsachsen.pdf');
    const raw = pdf.bytes.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(3);
    // Back in the explorer as before.
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await whenParam(page, 'focus', 'a-zarof');
  }, 150_000);

  it('pseudonymised mode: actors become kind and number, on the canvas, in the details, in search and in pictures', async () => {
    // A slide title naming an actor; the first click after typing it (moving the slide) is not lost.
    const third = page.getByTestId('slide').nth(2);
    await third.getByTestId('slide-title').fill('Wer mit ZAROF. GmbH arbeitet');
    await third.getByTestId('slide-up').click();
    await expect.poll(async () => (await storedStory(storyId))?.slides.map((x) => x.title)[1], { timeout: 10_000 }).toBe('Wer mit ZAROF. GmbH arbeitet');
    await savedSlides(3);
    await page.getByTestId('slide').nth(1).getByTestId('slide-down').click();
    await expect.poll(async () => (await storedStory(storyId))?.slides.map((x) => x.title)[2], { timeout: 10_000 }).toBe('Wer mit ZAROF. GmbH arbeitet');
    await savedSlides(3);

    await page.getByTestId('pseudo-toggle').check();
    // No name in the story panel, the slide's title overlay, the participant link without pseudonyms.
    await expect.poll(() => page.getByTestId('slide-list').textContent()).toMatch(/Wer mit Unternehmen \d+ arbeitet/);
    expect(await page.getByTestId('story-panel').textContent()).not.toContain('ZAROF');
    await page.getByTestId('story-link').click();
    expect(await page.getByTestId('participant-link').inputValue()).toContain('pseudo=1');
    await page.getByTestId('slide').nth(2).getByTestId('slide-present').click();
    const pseudoSlide = await presented(page, 3);
    expect(pseudoSlide.title).toMatch(/^Wer mit Unternehmen \d+ arbeitet$/);
    // A click on a node while presenting leaves the slide as it is.
    const url = page.url();
    const at = await page.evaluate(() => window.__atlas?.renderedPosition?.('a-zarof') ?? null);
    expect(at).not.toBeNull();
    await page.mouse.click(at?.x ?? 0, at?.y ?? 0);
    expect(await presented(page, 3)).toEqual(pseudoSlide);
    expect(page.url()).toBe(url);
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await whenReady(page);
    await whenParam(page, 'pseudo', '1');
    const details = page.getByTestId('details');
    await page.getByTestId('story-toggle').click(); // the details come back
    await details.waitFor();
    const name = (await details.locator('h2').textContent()) ?? '';
    expect(name).toMatch(/^Unternehmen \d+$/);
    expect(await details.textContent()).not.toContain('ZAROF');
    await page.getByTestId('search').fill('ZAROF');
    const option = page.getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain(name);
    await page.getByTestId('search').fill('');
    const menu = page.getByTestId('picture-menu');
    await menu.locator('summary').click();
    await menu.getByTestId('picture-title').fill('Kooperationen');
    const svg = await download(page, () => menu.getByTestId('picture-svg').click());
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).not.toContain('ZAROF');
    // The label, perhaps wrapped into lines.
    expect(svgText.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(` ${name} `);
    await shot('pseudonyms');
    // The same actor keeps its label on another view.
    await page.goto(`${session.server.url}?pseudo=1&selected=a-zarof&layout=geo`);
    await whenReady(page);
    await expect.poll(() => page.getByTestId('details').locator('h2').textContent()).toBe(name);
  }, 60_000);

  it('a participant link opens the story read-only, ready to present', async () => {
    // The editor's link: reading needs no token here, so the plain story link.
    await page.goto(`${session.server.url}?story=${storyId}`);
    await whenReady(page);
    await page.getByTestId('story-link').click();
    expect(await page.getByTestId('participant-link').inputValue()).toBe(`${session.server.url}?story=${storyId}`);

    const viewer = await session.browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const v = await viewer.newPage();
      v.on('pageerror', (e) => session.problems.push(`pageerror (viewer): ${e.message}`));
      await v.goto(`${session.server.url}?story=${storyId}#token=${viewerToken}`);
      await whenReady(v);
      await v.getByTestId('story-view').waitFor();
      expect(await v.getByTestId('slide').count()).toBe(3);
      expect(await v.locator('[data-testid="slide-add"], [data-testid="slide-title"], [data-testid="story-delete"], [data-testid="story-link"]').count()).toBe(0);
      // Landed on the first slide.
      await v.locator('[data-testid="slide"][data-index="0"].shown').waitFor();
      expect((await counts(v)).nodes).toBe(views[0]?.nodes);
      await v.getByTestId('story-present').click();
      expect((await presented(v, 1)).title).toBe('Das ganze Netzwerk');
      await v.screenshot({ path: 'test-results/workshop-viewer.png' });
    } finally {
      await viewer.close();
    }
    expect(await slideCount()).toBe(3);
    expect(session.problems).toEqual([]);
  }, 60_000);
});
