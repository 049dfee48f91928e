/**
 * Imported first by the layout worker: cytoscape-layout-utilities is a UMD bundle that refers to
 * `window`, which a worker does not have.
 */
const g = globalThis as { window?: unknown };
g.window ??= globalThis;
export {};
