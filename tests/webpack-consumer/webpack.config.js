// Nothing about WebAssembly here: the package's default browser entry must work as it is.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: fileURLToPath(new URL('../vite-consumer/main.js', import.meta.url)),
  output: { path: fileURLToPath(new URL('./dist', import.meta.url)), filename: 'main.js', publicPath: '/', clean: true },
  resolve: { modules: [fileURLToPath(new URL('./node_modules', import.meta.url)), 'node_modules'] },
  performance: { hints: false },
};
