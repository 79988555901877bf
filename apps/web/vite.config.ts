import { defineConfig } from 'vite';

/** The web app: plain Vite (its built-in transform handles TSX with the automatic runtime). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  server: { proxy: { '/api': 'http://127.0.0.1:' + (process.env.MU_API_PORT ?? '3000') } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
});
