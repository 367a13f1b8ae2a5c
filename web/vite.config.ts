import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One build, two apps: the buyer portal (/portal/) and the merchant console (/console/).
// Fastify serves web/dist (src/http/routes/web.ts).
export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: { portal: here('./portal/index.html'), console: here('./console/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/portal/v1': 'http://localhost:3000' } },
});
