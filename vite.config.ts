/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import articles from './scripts/vite-plugin-articles.js';

const repo = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const appRoot = repo('./src/app');

export default defineConfig({
  root: appRoot,
  publicDir: repo('./public'),
  envDir: repo('./'),
  // Each page is a real HTML file; an unknown URL is a 404, not the home page.
  appType: 'mpa',
  base: '/',
  plugins: [
    // Vitest loads this file too; the unit tests call the pipeline directly, not through the plugin.
    process.env['VITEST']
      ? null
      : articles({
          contentDir: repo('./content'),
          template: repo('./src/app/article.html'),
          home: repo('./src/app/index.html'),
          rootDir: repo('./'),
        }),
  ],
  build: {
    outDir: repo('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        home: repo('./src/app/index.html'),
        // The article page template: processed like any page, then turned into one page per article.
        article: repo('./src/app/article.html'),
      },
    },
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  test: {
    root: repo('./'),
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
