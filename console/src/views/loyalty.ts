import { h, replace, table } from '../dom';
import { t } from '../i18n';
import { get } from '../api';
import { num } from '../format';
import { figures, notDeployed, notAvailable } from './generic';

/** Levels and points (when the app's statistics have them) and the rewards with their stock. */
export async function loyaltyView(main: HTMLElement): Promise<void> {
  let rewards: any;
  try {
    rewards = await get('/rewards');
  } catch (e) {
    if (notDeployed(e)) { replace(main, notAvailable('loyalty-unavailable')); return; }
    throw e;
  }
  const list: any[] = rewards.rewards ?? rewards.items ?? [];
  const stats = h('section', { class: 'card', 'data-testid': 'loyalty-stats' });
  replace(main, h('section', { class: 'card' }, h('h2', {}, t('rewards')),
    table('rewards-table', [t('id'), t('name'), t('costPoints'), t('stock'), t('level'), t('enabled')],
      list.map((r) => [r.rewardId ?? r.id ?? '', String(r.name ?? ''), num(r.costPoints), num(r.stock), String(r.minLevel ?? ''), r.enabled ? t('on') : t('off')]))), stats);
  try {
    replace(stats, h('h2', {}, t('loyalty')), figures('loyalty-figures', await get('/stats/loyalty')));
  } catch (e) {
    if (notDeployed(e)) replace(stats, notAvailable('loyalty-stats-unavailable'));
    else throw e;
  }
}
