import { h, replace } from '../dom';
import { t } from '../i18n';
import { api, get, ApiError } from '../api';
import { setZone } from '../format';

/**
 * The settings as the API answers them, one input per value (nested objects as groups), so new
 * settings (loyalty rules, …) appear without a console change. Saving sends the changed values;
 * the API validates, and its 400 reason is shown next to the field it names.
 */
export async function settingsView(main: HTMLElement): Promise<void> {
  const settings = await get('/settings');
  const inputs = new Map<string, { input: HTMLInputElement; original: unknown }>();
  const errors = new Map<string, HTMLElement>();
  const status = h('p', { role: 'status', 'data-testid': 'settings-status' });

  const group = (prefix: string, obj: Record<string, unknown>): HTMLElement[] => Object.entries(obj).flatMap(([k, v]): HTMLElement[] => {
    const path = prefix ? `${prefix}.${k}` : k;
    if (k === 'appId') return [];
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return [h('fieldset', {}, h('legend', {}, t(k)), group(path, v as Record<string, unknown>))];
    }
    const input = h('input', { name: path, value: Array.isArray(v) ? JSON.stringify(v) : String(v ?? ''), type: typeof v === 'number' ? 'number' : 'text', step: typeof v === 'number' ? 'any' : null });
    inputs.set(path, { input, original: v });
    const err = h('span', { class: 'field-error', 'data-error-for': path, role: 'alert' });
    errors.set(path, err);
    return [h('div', { class: 'field' }, h('label', {}, t(k)), input, err)];
  });

  const form = h('form', { class: 'editor', 'data-testid': 'settings-form', onsubmit: async (e: Event) => {
    e.preventDefault();
    errors.forEach((el) => { el.textContent = ''; });
    status.textContent = '';
    const body: Record<string, any> = {};
    inputs.forEach(({ input, original }, path) => {
      let value: unknown = input.value;
      if (typeof original === 'number') value = input.value === '' ? null : Number(input.value);
      else if (Array.isArray(original)) { try { value = JSON.parse(input.value); } catch { value = input.value; } }
      if (JSON.stringify(value) === JSON.stringify(original)) return;
      const parts = path.split('.');
      let at = body;
      for (const p of parts.slice(0, -1)) at = at[p] ??= {};
      at[parts[parts.length - 1]] = value;
    });
    try {
      const saved = await api('PUT', '/settings', { body });
      if (typeof saved.timeZone === 'string') setZone(saved.timeZone);
      status.textContent = t('settingsSaved');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        // every invalid field, as for campaigns: {"error":"invalid settings","fields":[{"field","reason"}]}
        const fields: any[] = err.body.fields ?? (err.body.field ? [{ field: err.body.field, reason: err.body.reason }] : []);
        for (const fe of fields) {
          const field = String(fe.field);
          const el = errors.get(field) ?? [...errors.entries()].find(([p]) => p.startsWith(field + '.'))?.[1] ?? status;
          el.textContent = `${el.textContent ? el.textContent + '; ' : ''}${field}: ${fe.reason}`;
        }
        if (!fields.length) status.textContent = err.body.error ?? err.message;
      } else throw err;
    }
  } }, group('', settings), h('button', { type: 'submit', 'data-testid': 'save-settings' }, t('save')), status);
  replace(main, form);
}
