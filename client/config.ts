/** The client's configuration: the only reader of `import.meta.env`. */
interface ClientEnv {
  VITE_GRAPHQL_URL?: string;
  VITE_WEBGL_THRESHOLD?: string;
  DEV?: boolean;
}
const env = (import.meta as ImportMeta & { env?: ClientEnv }).env ?? {};

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (Number.isInteger(n) && n > 0) return n;
  console.warn(`${name}=${JSON.stringify(text)} is not a positive whole number; using ${fallback}.`);
  return fallback;
}

export const config = {
  /** Where the GraphQL API answers (same origin by default). */
  graphqlUrl: env.VITE_GRAPHQL_URL || '/graphql',
  /** From this many elements (nodes + edges) on, Cytoscape draws with WebGL. */
  webglThreshold: positiveInt('VITE_WEBGL_THRESHOLD', env.VITE_WEBGL_THRESHOLD, 3000),
  /** Most nodes the explorer asks the API for. */
  nodeLimit: 5000,
  dev: env.DEV === true,
} as const;

/** Where a download of the whole network in a format is served (beside the GraphQL endpoint). */
export function exportUrl(format: string): string {
  return `${config.graphqlUrl.replace(/\/graphql\/?$/, '')}/export/${format}`;
}

/** Where files are imported (`POST`, beside the GraphQL endpoint); a dry run reports without writing. */
export function importUrl(dryRun: boolean): string {
  return `${config.graphqlUrl.replace(/\/graphql\/?$/, '')}/import?dryRun=${dryRun}`;
}

let hardwareWebgl: boolean | null = null;

/** True when the browser renders WebGL on a graphics card (not SwiftShader, llvmpipe or another software renderer). */
export function hasHardwareWebgl(): boolean {
  if (hardwareWebgl !== null) return hardwareWebgl;
  hardwareWebgl = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      hardwareWebgl = !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    hardwareWebgl = false;
  }
  return hardwareWebgl;
}
