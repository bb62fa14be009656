import { h, replace } from '../dom';
import { t, setLang, currentLang } from '../i18n';
import { api, ApiError, saveSession } from '../api';
import { render, loadZone } from '../main';

/** The sign-in form: checks the key with a settings read before keeping it (sessionStorage only). */
export async function signInView(root: HTMLElement): Promise<void> {
  const message = h('p', { class: 'error', role: 'alert', 'data-testid': 'signin-error' });
  const appId = h('input', { name: 'appId', id: 'appId', required: true, autocomplete: 'username', value: 'demo' });
  const adminKey = h('input', { name: 'adminKey', id: 'adminKey', type: 'password', required: true, autocomplete: 'current-password' });
  const form = h('form', { class: 'signin', 'data-testid': 'signin', onsubmit: async (e: Event) => {
    e.preventDefault();
    message.textContent = '';
    const s = { appId: appId.value.trim(), adminKey: adminKey.value.trim() };
    try {
      await api('GET', '/settings', { as: s });
      saveSession(s);
      await loadZone();
      if (!location.hash || location.hash === '#/') location.hash = '#/overview';
      await render();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) message.textContent = t('badKey');
      else if (err instanceof ApiError && err.status === 403) message.textContent = t('otherApp');
      else if (err instanceof ApiError && err.status === 400) message.textContent = `${t('error')}${err.message}`;
      else message.textContent = t('network') + (err instanceof Error ? err.message : String(err));
    }
  } },
  h('h1', {}, t('title')),
  h('label', { for: 'appId' }, t('appId')), appId,
  h('label', { for: 'adminKey' }, t('adminKey')), adminKey,
  h('button', { type: 'submit' }, t('signIn')),
  h('button', { type: 'button', class: 'link', 'data-testid': 'lang', onclick: () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); void render(); } },
    currentLang() === 'zh' ? 'English' : '中文'),
  message);
  replace(root, form);
}
