/** The count element tells tests and benchmarks whether the picture is finished (data-layout). */
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/index.ts';
import { StatusLine } from './StatusLine.tsx';

const base = { lang: 'de' as const, nodes: 76, edges: 104, ready: true, truncated: false, loading: false };

describe('StatusLine', () => {
  it('says data-layout="running" while a layout runs and "done" after, with the counts', () => {
    const running = renderToStaticMarkup(<StatusLine {...base} layoutRunning />);
    expect(running).toMatch(/data-testid="visible-counts" data-nodes="76" data-edges="104" data-state="ready" data-layout="running"/);
    expect(running).toContain('data-testid="layout-progress"');
    const done = renderToStaticMarkup(<StatusLine {...base} layoutRunning={false} />);
    expect(done).toContain('data-layout="done"');
    expect(done).not.toContain('layout-progress');
  });
});

describe('StatusLine: hidden weak ties', () => {
  const html = (lang: 'de' | 'en', hiddenTies: number) =>
    renderToStaticMarkup(
      <I18nextProvider i18n={createI18n(lang)}>
        <StatusLine {...base} lang={lang} hiddenTies={hiddenTies} layoutRunning={false} />
      </I18nextProvider>,
    );

  it('names the ties the server left out, formatted per language', () => {
    expect(html('de', 12345)).toContain('12.345 schwächere Verbindungen ausgeblendet');
    expect(html('en', 12345)).toContain('12,345 weaker ties hidden');
    expect(html('de', 1)).toContain('1 schwächere Verbindung ausgeblendet');
    expect(html('en', 12345)).toMatch(/data-testid="hidden-ties" data-hidden="12345"/);
  });

  it('says nothing when no tie is hidden', () => {
    expect(html('de', 0)).not.toContain('hidden-ties');
    expect(html('de', 0)).not.toContain('ausgeblendet');
  });
});
