import './style.css';
import { h, replace } from './dom';
import { t, setLang, currentLang } from './i18n';
import { loadConfig, session, clearSession, get, ApiError } from './api';
import { setZone } from './format';
import { disposeCharts } from './charts';
import { signInView } from './views/signin';
import { overviewView } from './views/overview';
import { campaignsView, campaignView } from './views/campaigns';
import { customersView, customerView } from './views/customers';
import { feedbackView } from './views/feedback';
import { loyaltyView } from './views/loyalty';
import { settingsView } from './views/settings';

/** A view fills {@code main} and resolves when its data is shown (and its charts drawn); a view may read presets from the hash's query. */
export type View = (main: HTMLElement, arg?: string) => Promise<void>;

const NAV = ['overview', 'campaigns', 'customers', 'feedback', 'loyalty', 'settings'] as const;
const VIEWS: Record<string, View> = {
  overview: overviewView, campaigns: campaignsView, customers: customersView,
  feedback: feedbackView, loyalty: loyaltyView, settings: settingsView,
};
const root = document.getElementById('app')!;
let generation = 0;

function shell(active: string): HTMLElement {
  const main = h('main', { id: 'main' });
  const s = session()!;
  replace(root,
    h('header', {},
      h('h1', {}, t('title')),
      h('nav', {}, NAV.map((n) => h('a', { href: `#/${n}`, class: n === active ? 'active' : null, 'data-nav': n }, t(n)))),
      h('span', { class: 'who' }, s.appId),
      h('button', { type: 'button', 'data-testid': 'lang', onclick: () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); render(); } },
        currentLang() === 'zh' ? 'English' : '中文'),
      h('button', { type: 'button', 'data-testid': 'sign-out', onclick: () => { clearSession(); location.hash = '#/overview'; render(); } }, t('signOut'))),
    main);
  return main;
}

/** Renders the route in the hash; a view left before it finished does not mark the page ready. */
export async function render(): Promise<void> {
  const mine = ++generation;
  disposeCharts();
  document.body.removeAttribute('data-ready');
  document.title = t('title');
  const [, name = 'overview', arg] = (location.hash || '#/overview').match(/^#\/([a-z]+)(?:\/([^?]+))?(?:\?.*)?$/) ?? [];
  if (!session()) {
    document.body.dataset.view = 'signin';
    await signInView(root);
    if (mine === generation) document.body.dataset.ready = 'true';
    return;
  }
  const main = shell(name);
  document.body.dataset.view = name;
  const view = arg && name === 'campaigns' ? campaignView : arg && name === 'customers' ? customerView : VIEWS[name];
  try {
    if (!view) {
      replace(main, h('p', {}, t('page404')));
    } else {
      await view(main, arg ? decodeURIComponent(arg) : undefined);
    }
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      clearSession();
      return render();
    }
    main.appendChild(h('p', { class: 'error', role: 'alert' }, t('error'), e instanceof Error ? e.message : String(e)));
  }
  if (mine === generation) document.body.dataset.ready = 'true';
}

/** The app's time zone for dates, from its settings. */
export async function loadZone(): Promise<void> {
  try {
    const s = await get('/settings');
    if (typeof s.timeZone === 'string') setZone(s.timeZone);
  } catch {
    // the default zone stays
  }
}

async function start(): Promise<void> {
  setLang(currentLang());
  await loadConfig();
  if (session()) await loadZone();
  window.addEventListener('hashchange', () => void render());
  await render();
}

void start();
