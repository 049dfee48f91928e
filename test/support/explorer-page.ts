/** A browser test session on the explorer: built client, test server with the demo network, a Chromium page at 1280×720. */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { buildClient } from './client-build.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface ExplorerSession {
  server: TestServer;
  browser: Browser;
  page: Page;
  /** Console errors and page errors seen so far (a test asserts there are none). */
  problems: string[];
  close(): Promise<void>;
}

export async function openExplorer(): Promise<ExplorerSession> {
  const clientDir = await buildClient();
  const server = await startTestServer({ clientDir });
  const browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    server,
    browser,
    page,
    problems,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until data is loaded, drawn and laid out. */
export async function whenReady(page: Page): Promise<void> {
  await page.locator('[data-testid="visible-counts"][data-state="ready"]').waitFor({ timeout: 20_000 });
}

/** Waits until the URL has this query parameter value (null: absent). */
export async function whenParam(page: Page, name: string, value: string | null): Promise<void> {
  await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n as string) === v, [name, value], { timeout: 10_000 });
}
