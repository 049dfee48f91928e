import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./client', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // .env lives at the top level, next to the server's settings (VITE_* variables only reach the client).
  envDir: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The force layout runs in a module worker (client/graph/layout.worker.ts).
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        main: `${root}/index.html`,
        graphiql: `${root}/graphiql.html`,
      },
      // GraphiQL's dependencies carry React "use client" directives, meaningless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/healthz': 'http://127.0.0.1:4000',
    },
  },
});
