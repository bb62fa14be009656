// Shared by the browser tests and the benchmark: Debian's Chromium, headless, fresh profile.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const URL_ = process.env.CONSOLE_URL;
export const API = process.env.CONSOLE_API;
export const KEY = process.env.CONSOLE_ADMIN_KEY;
export const APP = 'demo';
export const SHOTS = new URL('../target/screenshots/', import.meta.url).pathname;

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1400,1000'],
    defaultViewport: { width: 1400, height: 1000 },
  });
  const close = async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); };
  return { browser, close };
}

/**
 * A page that records what must never happen: script errors, console errors, dialogs (an alert from
 * injected markup). The browser's own "Failed to load resource: … status of 400/401/404" lines are
 * the API's deliberate answers the tests provoke (wrong key, invalid field, views whose API is
 * not deployed) and are kept apart.
 */
export async function newPage(browser) {
  const page = await browser.newPage();
  const problems = { errors: [], dialogs: [], expectedHttp: [] };
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of (400|401|404)/.test(m.text())) problems.expectedHttp.push(m.text());
    else problems.errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', async (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    if (d.type() === 'confirm') await d.accept(); else await d.dismiss();
  });
  return { page, problems };
}

export async function ready(page, view) {
  await page.waitForFunction((v) => document.body.dataset.ready === 'true' && document.body.dataset.view === v, { timeout: 30000 }, view);
}

export async function go(page, hash, view) {
  await page.evaluate((h) => { document.body.removeAttribute('data-ready'); location.hash = h; }, hash);
  await ready(page, view);
}

export async function signIn(page, key = KEY, appId = APP) {
  await page.goto(`${URL_}?noanim`, { waitUntil: 'domcontentloaded' });
  await ready(page, 'signin');
  await page.$eval('input[name=appId]', (el, v) => { el.value = v; }, appId);
  await page.type('input[name=adminKey]', key);
  await page.click('form[data-testid=signin] button[type=submit]');
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The admin API from the test itself, to compare with what the page shows. */
export async function api(method, path, body) {
  const r = await fetch(`${API}/v1/apps/${APP}${path}`, { method, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** A displayed number ("1,234", "12.5%") as a number. */
export function number(text) {
  return Number(String(text).replace(/[^0-9.\-]/g, ''));
}
