/** The count element tells tests and benchmarks whether the picture is finished (data-layout). */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
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
