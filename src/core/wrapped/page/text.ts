/**
 * Text as the page writes it. Every string that came from a person or a service (artist
 * names, titles, the AI paragraph) goes through `html()`: names can hold <, & and quotes.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function html(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * 12,345 and 1.5 (at most three decimals) as toLocaleString('en-US') writes them, without
 * it: its first call loads ICU's locale data, tens of milliseconds of every `aime wrapped
 * --html`. 0 for anything that is not a finite number, so a page never reads NaN.
 */
export function count(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const [whole = '0', fraction] = Math.abs(value).toFixed(3).replace(/\.?0+$/, '').split('.');
  const sign = value < 0 && (whole !== '0' || fraction !== undefined) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "1 day", "3 days". */
export function counted(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? '' : 's'}`;
}

export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "YYYY-MM" → "Mar", with the year when the period spans several. */
export function monthLabel(month: string, withYear: boolean): string {
  const name = MONTH_SHORT[Number(month.slice(5, 7)) - 1] ?? month;
  return withYear ? `${name} ${month.slice(2, 4)}` : name;
}

/** "20:00–21:00" */
export function hourSpan(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`;
}
