import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.PORT ?? '8642'}`;

/** The web app: plain Vite (its built-in transform handles TSX with the automatic runtime). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  server: {
    // `pnpm dev`: Vite serves the app with hot reload and forwards /api to the server (PORT, default 8642),
    // as the server's own host and, for the app's own requests only, its own origin (the server
    // refuses other hosts and cross-origin writes).
    proxy: {
      '/api': {
        target: api,
        changeOrigin: true,
        configure: (proxy) =>
          proxy.on('proxyReq', (proxyReq, req) => {
            if (req.headers.origin === `http://${req.headers.host}`) proxyReq.setHeader('origin', api);
          }),
      },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
});
