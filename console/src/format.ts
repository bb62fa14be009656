// Numbers and dates in the app's time zone (from its settings) and the console's language.
import { locale } from './i18n';

let zone = 'Asia/Shanghai';
export function setZone(z: string): void { zone = z; }
export function appZone(): string { return zone; }

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : new Intl.NumberFormat(locale()).format(n);
}
export function pct(r: number | null | undefined, digits = 1): string {
  return r === null || r === undefined ? '–' : `${(r * 100).toFixed(digits)}%`;
}
/** A signed percentage-point figure for lifts. */
export function pp(r: number | null | undefined): string {
  return r === null || r === undefined ? '–' : `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)} pp`;
}
export function yuan(fen: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY' }).format(fen / 100);
}
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(), { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
/** Today's local day (YYYY-MM-DD) in the app's zone, minus {@code days}. */
export function dayInZone(daysAgo = 0): string {
  const d = new Date(Date.now() - daysAgo * 86400000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return parts; // en-CA formats as YYYY-MM-DD
}
/** The local day (YYYY-MM-DD) of an instant in the app's zone. */
export function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
