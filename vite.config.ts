/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { preloadChunks } from './scripts/vite-preload-chunks.ts';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Two entry pages: launch.html (tiny: only FHIR.oauth2.authorize) and index.html (the panel).
export default defineConfig({
  base: './',
  plugins: [react(), preloadChunks(['src/app/render.tsx', 'src/store/launch.ts'], ['src/clinical/engine.ts'])],
  // fhirclient "pure" build: modern browsers only, no fetch/AbortController polyfills (launch JS 22.7 → 17.3 kB gzip).
  // Not under vitest: the flag makes fhirclient use `window`, which node-environment tests lack.
  define: process.env.VITEST ? {} : { FHIRCLIENT_PURE: 'true' },
  // fhirclient's `debug` logger is silent in production; a no-op stand-in saves its 8 kB in the first chunk.
  resolve: process.env.VITEST ? {} : { alias: { debug: here('scripts/stubs/debug-noop.cjs') } },
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: which chunk holds which module (bench:launch sorts the JS by its part in the launch).
    manifest: true,
    rollupOptions: { input: { launch: here('launch.html'), index: here('index.html') } },
  },
  test: {
    globals: true,
    // Three workers on this 2-core machine: many tests wait on child processes and local servers (unit + ui
    // 191 s → 136 s). The browser tests run one file at a time (fileParallelism: false below).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Some tests run the command lines as child processes (tsx start-up): on a loaded 2-core machine 5 s is too tight.
          testTimeout: 30_000,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          // Typing with user-event in jsdom beside two other workers: 5 s is too tight on a loaded 2-core machine.
          testTimeout: 20_000,
          include: ['tests/**/*.test.tsx'],
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
