import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
const src = readFileSync(process.argv[2], 'utf8');
const min = (t) => transformSync(t, { minify: true, legalComments: 'none', target: 'es2022' }).code;
const gz = (t) => gzipSync(min(t), { level: 9 }).length;
const base = gz(src);
const lines = src.split('\n');
for (const name of process.argv.slice(3)) {
  const start = lines.findIndex((l) => new RegExp(`^(export )?(async )?function ${name}\\b|^export class ${name}\\b`).test(l));
  const end = lines.findIndex((l, i) => i > start && l === '}');
  const without = [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
  console.log(name.padEnd(16), 'marginal gz', base - gz(without), ' raw min', min(lines.slice(start, end + 1).join('\n')).length);
}
