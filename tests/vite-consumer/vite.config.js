// No plugin: the package's default browser entry must work as it is.
export default { build: { outDir: 'dist', emptyOutDir: true } };
