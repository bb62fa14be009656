// The first load's size: every file of the build (index.html, its script and style, config.json:
// the console has no lazy chunks, so the first load is all of it), gzipped. Fails above the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 400 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let raw = 0;
let gzipped = 0;
for (const path of files(dist)) {
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += gz;
  console.log(`${relative(dist, path).padEnd(36)} ${String(bytes.length).padStart(9)} B  ${String(gz).padStart(8)} B gzipped`);
}
console.log(`first load: ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB gzipped)`);
if (gzipped > BUDGET_BYTES) {
  console.error('over budget');
  process.exit(1);
}
