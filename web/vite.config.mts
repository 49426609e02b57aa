import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser app, built into dist/web and served by the Nest process at `/`
 * (src/platform/web-app). No plugin: Vite 8's built-in transform handles TSX.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Every asset a file of its own: the CSP allows no data: URIs for images or fonts.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Server Components' "use client" markers mean nothing in a browser-only bundle;
        // plugin timings only say the machine was busy.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'PLUGIN_TIMINGS') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npx vite web` against a running app (npm start) on PORT 3000.
    proxy: { '/api': 'http://127.0.0.1:3000', '/verify': 'http://127.0.0.1:3000' },
  },
});
