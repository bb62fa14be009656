'use strict';
// What ships: dist/index.js is ES5 syntax (older base libraries reject ES2015), CommonJS,
// requires nothing at run time, and stays within its size budget; dist/index.d.ts has no `any`.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const acorn = require('acorn');

const dist = path.join(__dirname, '..', 'dist');
const code = fs.readFileSync(path.join(dist, 'index.js'), 'utf8');

test('dist/index.js parses as ES5 and depends on nothing', () => {
  assert.doesNotThrow(() => acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' }));
  assert.doesNotMatch(code, /\brequire\s*\(/);
  assert.match(code, /exports\.init=/);
});

test('dist/index.js is within 12 KB minified and 5 KB gzipped', () => {
  const minified = Buffer.byteLength(code);
  const gzipped = zlib.gzipSync(code, { level: 9 }).length;
  assert.ok(minified <= 12000, `${minified} bytes minified`);
  assert.ok(gzipped <= 5000, `${gzipped} bytes gzipped`);
});

test('the public API is exactly the contract\'s', () => {
  const { Device } = require('./fake-wx');
  const clm = new Device().launch();
  assert.deepEqual(Object.keys(clm).filter((k) => k !== '__esModule').sort(),
    ['flush', 'init', 'page', 'requestSubscribe', 'status', 'track']);
  const types = fs.readFileSync(path.join(dist, 'index.d.ts'), 'utf8');
  assert.doesNotMatch(types.replace(/\/\*[\s\S]*?\*\//g, ''), /\bany\b/);
});
