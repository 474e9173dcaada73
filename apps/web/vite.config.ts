import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Libraries that change rarely get their own long-cached chunks; pages stay lazy (see src/app/router.tsx).
// antd is left to automatic splitting on purpose: one antd chunk would put every component of every page
// (tables, date pickers, forms) on the first screen and break its 400 KB gzip budget.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
];

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    manifest: true,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
