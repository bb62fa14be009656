import { defineConfig } from 'vite';

// Relative base: the same build serves from /console/ locally and from a CloudFront root.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    target: 'es2020',
    sourcemap: false,
    // One chunk for the app and ECharts' used parts: the first load is all of it anyway.
    chunkSizeWarningLimit: 1500,
    modulePreload: { polyfill: false },
  },
});
