import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The page is served by the API (nps start) and by nginx (the dev stack's web container) from
// web/dist; in `vite` development mode the API calls go to a local `nps start`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 300 },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8000",
      "/ws": { target: "ws://127.0.0.1:8000", ws: true },
    },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
  },
});
