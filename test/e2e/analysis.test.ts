/**
 * The analysis in the explorer (headless Chromium, demo network): the insight cards show that the
 * documents' regional networks are separate and who bridges inside each; the region matrix opens
 * two regions on the canvas; white spots, coverage and suggestions; what-if by clicking an actor;
 * size and colour by metric and community. Screenshots go to test-results/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExplorer, whenParam, whenReady, type ExplorerSession } from '../support/explorer-page.ts';
import type { TestServer } from '../support/server.ts';

let session: ExplorerSession;
let server: TestServer;
let page: Page;

beforeAll(async () => {
  session = await openExplorer();
  ({ server, page } = session);
}, 120_000);
afterAll(() => session?.close());

const params = () => new URL(page.url()).searchParams;
const ready = () => whenReady(page);
const waitForParam = (name: string, value: string | null) => whenParam(page, name, value);
async function panelReady(tab: string): Promise<void> {
  await page.locator(`[data-testid="analysis-panel"][data-tab="${tab}"][data-state="ready"]`).waitFor({ timeout: 20_000 });
}
const shot = (name: string) => page.screenshot({ path: `test-results/analysis-${name}.png` });

describe('analysis in the explorer (demo network)', () => {
  it('the Analyse button opens the insights: separate regional networks, each with its bridge', async () => {
    await page.goto(`${server.url}?types=ACTOR&ties=all`);
    await ready();
    await page.getByTestId('analysis-toggle').click();
    await waitForParam('analysis', 'insights');
    await panelReady('insights');
    const parts = page.locator('[data-testid="insight-card"][data-kind="parts"]');
    expect(await parts.textContent()).toMatch(/zerfällt in 4 getrennte Teile, die untereinander nicht kooperieren/);
    const bridges = await page.locator('[data-testid="insight-card"][data-kind="bridge"]').allTextContents();
    expect(bridges).toHaveLength(4);
    for (const name of ['ZAROF. GmbH', 'IHK Hessen innovativ', 'Regionalmanagement Nordthüringen', 'Kreatives Sachsen']) expect(bridges.some((b) => b.includes(`${name}`) && b.includes('die Brücke'))).toBe(true);
    expect(await page.locator('[data-testid="insight-card"][data-kind="no_actors"]').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Landkreis Görlitz ist Zielregion von „IMPULS REGIO“/)]));
    expect(await page.getByTestId('network-part').count()).toBe(4);
    await shot('1-insights');
  });

  it('region matrix: a cell shows the two regions on the canvas, and the matrix keeps all regions', async () => {
    await page.getByTestId('analysis-tab-heatmap').click();
    await panelReady('heatmap');
    const regions = Number(await page.getByTestId('heatmap').getAttribute('data-regions'));
    expect(regions).toBeGreaterThanOrEqual(10);
    const cell = page.locator('[data-testid="heatmap-cell"][data-a="de-14627"][data-b="de-14730"]');
    expect(await cell.getAttribute('data-observed')).toBe('0');
    expect(await cell.getAttribute('data-class')).toBe('gap');
    await cell.click();
    await waitForParam('regions', 'de-14627,de-14730');
    await ready();
    await panelReady('heatmap');
    expect(Number(await page.getByTestId('heatmap').getAttribute('data-regions'))).toBe(regions);
    // The canvas now holds the two districts' actors only (4 in Meißen, 4 in Nordsachsen incl. Delitzsch).
    const nodes = Number(await page.getByTestId('visible-counts').getAttribute('data-nodes'));
    expect(nodes).toBe(8);
    await shot('2-heatmap');
    await page.getByTestId('reset-filters').click();
    await waitForParam('regions', null);
  });

  it('white spots, coverage and suggestions', async () => {
    await page.getByTestId('analysis-tab-whitespots').click();
    await panelReady('whitespots');
    const first = page.getByTestId('white-spot').first();
    expect([await first.getAttribute('data-a'), await first.getAttribute('data-b')]).toEqual(['de-14627', 'de-14730']);
    await page.getByTestId('analysis-tab-coverage').click();
    await panelReady('coverage');
    expect(await page.locator('[data-testid="coverage-cell"][data-region="de-14626"][data-status="missing"]').count()).toBe(6);
    expect(await page.locator('[data-testid="coverage-cell"][data-status="ok"]').count()).toBeGreaterThan(5);
    await page.getByTestId('analysis-tab-suggestions').click();
    await panelReady('suggestions');
    expect(await page.getByTestId('suggestion').count()).toBeGreaterThanOrEqual(10);
    expect(await page.getByTestId('suggestion').first().textContent()).toMatch(/gemeinsame Partner|verbinden|treffen/);
    await shot('3-suggestions');
  });

  it('what-if: clicking the Meißen network bridge on the canvas takes it out and shows who is cut off', async () => {
    await page.getByTestId('analysis-tab-whatif').click();
    await waitForParam('analysis', 'whatif');
    await ready();
    const pos = await page.evaluate(() => window.__atlas?.renderedPosition?.('a-kreatives-sachsen') ?? null);
    expect(pos).not.toBeNull();
    await page.mouse.click((pos as { x: number }).x, (pos as { y: number }).y);
    await waitForParam('remove', 'a-kreatives-sachsen');
    expect(params().get('selected')).toBeNull(); // in what-if mode a click removes instead of selecting
    await panelReady('whatif');
    const result = page.getByTestId('whatif-result');
    expect(await result.getAttribute('data-disconnected')).toBe('4');
    expect((await page.getByTestId('whatif-disconnected').allTextContents()).join(' ')).toMatch(/Kreatives Chemnitz/);
    await shot('4-whatif');
    await page.getByTestId('whatif-clear').click();
    await waitForParam('remove', null);
  });

  it('size by betweenness, colour by community: the legend lists the communities; the link keeps it', async () => {
    await page.getByTestId('analysis-close').click();
    await waitForParam('analysis', null);
    await page.getByTestId('encoding-color').selectOption('community');
    await page.getByTestId('encoding-size').selectOption('betweenness');
    await waitForParam('color', 'community');
    await waitForParam('size', 'betweenness');
    const communities = page.getByTestId('legend-communities');
    await communities.waitFor();
    expect(await communities.locator('li').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('legend-size').textContent()).toMatch(/Zwischenzentralität/);
    // Selecting an actor shows its metrics with rank.
    await page.getByTestId('search').fill('ZAROF');
    await page.getByRole('option', { name: /ZAROF/ }).click();
    await waitForParam('selected', 'a-zarof');
    const panel = page.getByTestId('metrics-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/Rang \d+ von 37/);
    await shot('5-encoding');
    expect(session.problems).toEqual([]);
  });
});
