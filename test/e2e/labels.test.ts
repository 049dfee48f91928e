/**
 * Labels and separate parts on the demo network in headless Chromium: in every layout no two drawn
 * labels overlap (the page reports its label boxes), the same in the projector theme of a
 * presentation; screenshots at 1280×720 go to test-results/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExplorer, whenReady, type ExplorerSession } from '../support/explorer-page.ts';

let session: ExplorerSession;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  session = await openExplorer();
  ({ browser, page } = session);
}, 120_000);
afterAll(() => session?.close());

type Box = { id: string; label: string; x1: number; y1: number; x2: number; y2: number };
async function overlapping(p: Page, atLeast = 6): Promise<string[]> {
  const boxes = await p.evaluate(() => (window.__atlas?.labelBoxes?.() ?? []) as Box[]);
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(`${a.label} × ${b.label}`);
    }
  expect(boxes.length).toBeGreaterThanOrEqual(atLeast);
  return out;
}
const settled = (p: Page) => p.locator('[data-testid="visible-counts"][data-state="ready"][data-layout="done"]').waitFor({ timeout: 30_000 });

describe('labels on the demo network', () => {
  for (const layout of ['force', 'geo', 'regions', 'concentric']) {
    it(`layout ${layout}: no two drawn labels overlap`, async () => {
      await page.goto(`${session.server.url}${layout === 'force' ? '' : `?layout=${layout}`}`);
      await whenReady(page);
      await settled(page);
      expect(await overlapping(page)).toEqual([]);
      await page.screenshot({ path: `test-results/labels-${layout}.png` });
    }, 60_000);
  }

  it('a selected node\'s full label wins; after zooming in the labels are chosen again', async () => {
    await page.goto(`${session.server.url}?selected=a-rm-nordthueringen`);
    await whenReady(page);
    await settled(page);
    expect(await overlapping(page)).toEqual([]);
    const canvas = page.getByTestId('network-canvas');
    await canvas.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    // The zoom handler re-chooses after a short pause.
    await page.waitForTimeout(400);
    expect(await overlapping(page)).toEqual([]);
  }, 60_000);

  it('projector theme (presentation): no two drawn labels overlap', async () => {
    const stories = await session.server.gql<{ stories: { id: string }[] }>('{ stories { id } }');
    const id = stories.data?.stories[0]?.id;
    expect(id).toBeTruthy();
    const p = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await p.goto(`${session.server.url}?story=${id}`);
      // The second slide: one of the regional networks.
      await p.getByTestId('slide-present').nth(1).click();
      await p.locator('[data-testid="presentation"][data-state="ready"][data-slide="2"]').waitFor({ timeout: 30_000 });
      // A slide reveals step by step: its first step shows a few labels.
      expect(await overlapping(p, 3)).toEqual([]);
      await p.screenshot({ path: 'test-results/labels-projector.png' });
    } finally {
      await p.close();
    }
  }, 90_000);
});
