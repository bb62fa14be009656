// The overview's ready time after sign-in, in headless Chromium against ./run-local's demo
// (started by ../bench-overview): from the sign-in form's submit to the overview's numbers shown
// and every chart drawn (ECharts' "finished"), 10 sign-ins each in a fresh browser context,
// with chart animation off (what the tests see) and on (what an operator sees). Writes BENCHMARK.md.
import { writeFileSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { launch, ready, URL_, KEY, SHOTS } from '../test/browser.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 10);

async function once(browser, animated) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(animated ? URL_ : `${URL_}?noanim`, { waitUntil: 'load' });
  await ready(page, 'signin');
  await page.type('input[name=adminKey]', KEY);
  const t0 = await page.evaluate(() => performance.now());
  await page.click('form[data-testid=signin] button[type=submit]');
  await ready(page, 'overview');
  const t1 = await page.evaluate(() => performance.now());
  await context.close();
  return t1 - t0;
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p90: q(0.9), max: s[s.length - 1] };
}

const { browser, close } = await launch();
const results = {};
for (const animated of [false, true]) {
  await once(browser, animated); // warm-up: the runtime's first admin requests load classes
  const xs = [];
  for (let i = 0; i < ROUNDS; i++) xs.push(await once(browser, animated));
  results[animated ? 'animated' : 'noanim'] = stats(xs);
}
{
  // the README's picture: the overview on this demo's data
  const page = await browser.newPage();
  await page.goto(`${URL_}?noanim`, { waitUntil: 'load' });
  await ready(page, 'signin');
  await page.type('input[name=adminKey]', KEY);
  await page.click('form[data-testid=signin] button[type=submit]');
  await ready(page, 'overview');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'overview-demo.png'), fullPage: true });
  await page.close();
}
const version = (await browser.version());
await close();

const dist = new URL('../dist/', import.meta.url).pathname;
const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]);
let raw = 0, gz = 0;
for (const f of files(dist)) { const b = readFileSync(f); raw += b.length; gz += gzipSync(b, { level: 9 }).length; }
const head = execSync('git rev-parse --short HEAD').toString().trim();
const ms = (x) => `${Math.round(x)} ms`;
const md = `## The operators' console

Measured by \`console/bench-overview\` (the default demo: ${process.env.CONSOLE_DEMO_CUSTOMERS ?? 2000} customers over ${process.env.CONSOLE_DEMO_DAYS ?? 60} days, then
${ROUNDS} sign-ins per row, each in a fresh browser context, after one warm-up) at ${head}, ${new Date().toISOString().slice(0, 16)}Z,
${version} headless on ${os.cpus().length} × ${os.cpus()[0].model.trim()}. Ready = from the sign-in form's submit to
the overview's numbers shown and every chart's ECharts \`finished\` event (6 admin API calls, 5 charts).

| overview ready after sign-in | median | p90 | max | goal |
|---|---|---|---|---|
| charts without animation | ${ms(results.noanim.median)} | ${ms(results.noanim.p90)} | ${ms(results.noanim.max)} | ≤ 1,500 ms |
| charts animated (300 ms entrance) | ${ms(results.animated.median)} | ${ms(results.animated.p90)} | ${ms(results.animated.max)} | |

First load (every file of the build: the console has no lazy chunks): ${(raw / 1024).toFixed(1)} KB, **${(gz / 1024).toFixed(1)} KB gzipped**
(budget 400 KB gzipped, checked by \`npm run build\`'s size check).
`;
writeFileSync(new URL('../BENCHMARK.md', import.meta.url), md);
console.log(md);
