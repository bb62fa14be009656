#!/usr/bin/env node
// Builds dist/index.js (CommonJS, ES5 syntax, minified) and dist/index.d.ts from src/index.ts:
// tsc lowers the TypeScript to ES5, esbuild minifies it. Fails when the bundle is over its size
// budget (12 KB minified, 5 KB gzipped) and prints the figures.
// `--check` builds in memory and fails when the committed dist/ differs from what the build produces.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const MAX_MINIFIED = 12000;
const MAX_GZIPPED = 5000;
const check = process.argv.includes('--check');

try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
} catch (e) {
  console.error('tsc failed');
  process.exit(1);
}
const compiled = fs.readFileSync(path.join(root, 'build/index.js'), 'utf8');
const minified = esbuild.transformSync(compiled, {
  minify: true, target: 'es5', format: 'cjs', legalComments: 'none', charset: 'utf8'
}).code;
const declarations = fs.readFileSync(path.join(root, 'build/index.d.ts'), 'utf8');
if (/\bany\b/.test(declarations.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')) || /\bimport\b/.test(declarations)) {
  throw new Error('dist/index.d.ts must not use `any` nor import other types');
}

const bytes = Buffer.byteLength(minified);
const gzipped = zlib.gzipSync(minified, { level: 9 }).length;
console.log(`dist/index.js: ${bytes} bytes minified (budget ${MAX_MINIFIED}), ${gzipped} bytes gzipped (budget ${MAX_GZIPPED})`);
if (bytes > MAX_MINIFIED || gzipped > MAX_GZIPPED) {
  console.error('dist/index.js is over its size budget');
  process.exit(1);
}

const outputs = { 'dist/index.js': minified, 'dist/index.d.ts': declarations };
if (check) {
  const stale = Object.keys(outputs).filter((f) => {
    const file = path.join(root, f);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== outputs[f];
  });
  if (stale.length) {
    console.error(`${stale.join(', ')} differ from what the build produces: run \`npm run build\` and commit dist/`);
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  for (const f of Object.keys(outputs)) {
    fs.writeFileSync(path.join(root, f), outputs[f]);
  }
}
