import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // react-konva's own entry registers every Konva shape and filter (a fifth of the first load);
    // app/ui/canvas/reactKonva.ts registers the shapes prelabel draws.
    alias: [{ find: /^react-konva$/, replacement: fileURLToPath(new URL('app/ui/canvas/reactKonva.ts', import.meta.url)) }],
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
