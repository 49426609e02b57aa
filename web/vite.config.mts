import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser app, built into dist/web and served by the Nest process at `/`
 * (src/platform/web-app). Vite 8's built-in transform handles TSX; the one plugin builds the
 * service worker (src/sw.ts) with the list of the build's files it keeps for offline use.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered by the app itself (src/offline/service-worker.ts), which says when a new version waits.
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['index.html', 'assets/**/*.{js,css,ttf,woff2,svg,png}'],
        // The Noto fonts and the map's chunk are larger than Workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        sourcemap: false,
      },
    }),
  ],
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
