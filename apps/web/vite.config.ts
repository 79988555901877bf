import { defineConfig } from 'vite';

/** The web app: plain Vite (its built-in transform handles TSX with the automatic runtime). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // `pnpm dev`: Vite serves the app with hot reload and forwards /api to the server (PORT, default 8642).
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '8642'}` } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
});
