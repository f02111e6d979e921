import { JOB_NAMES } from '../core/jobs/catalogue.js';

/**
 * The rules of `scheduler.jobs` ({"markdown-export": {"cron": "0 7 * * *", "enabled": false}}):
 * every entry names a known job and holds only a cron string and an on/off switch. Checked
 * when the key is set and when config.json is read, so a typo never reaches the scheduler,
 * which would otherwise fall back to the default schedule without a word.
 */
export function jobOverridesProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object of job names';
  for (const [job, override] of Object.entries(value)) {
    if (!(JOB_NAMES as readonly string[]).includes(job)) return `names an unknown job "${job}" (jobs: ${JOB_NAMES.join(', ')})`;
    const where = `entry "${job}"`;
    if (override === null || typeof override !== 'object' || Array.isArray(override)) return `${where} must be an object like {"cron": "0 7 * * *", "enabled": true}`;
    for (const [field, setting] of Object.entries(override)) {
      if (field === 'cron') {
        const problem = typeof setting === 'string' ? cronProblem(setting) : `must be a string, got ${JSON.stringify(setting)}`;
        if (problem) return `${where}: cron ${problem}`;
      } else if (field === 'enabled') {
        if (typeof setting !== 'boolean') return `${where}: enabled must be true or false, got ${JSON.stringify(setting)}`;
      } else {
        return `${where}: unknown field "${field}" (allowed: cron, enabled)`;
      }
    }
  }
  return undefined;
}

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** `?`, `L`, `5L`, `1#2`: the day fields' extras that Bree's schedule engine reads. */
  readonly day?: 'month' | 'week';
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const SECONDS: CronField = { name: 'second', min: 0, max: 59 };
const FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, day: 'month' },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS, day: 'week' },
];

/**
 * Why a cron expression is not one, or undefined. Strict on purpose: Bree's engine reads
 * "61 7 * * *" as 07:59 and "a b c d e" as every minute, so the check cannot be left to it.
 */
export function cronProblem(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) return `must have 5 fields (or 6 with seconds first), got "${expression}"`;
  const fields = parts.length === 6 ? [SECONDS, ...FIELDS] : FIELDS;
  for (const [i, field] of fields.entries()) {
    const text = parts[i] as string;
    if (!text.split(',').every((item) => itemFits(item, field))) return `"${expression}": the ${field.name} field "${text}" is not valid (${field.min}–${field.max})`;
  }
  return undefined;
}

function itemFits(item: string, field: CronField): boolean {
  if (item === '*' || (item === '?' && field.day)) return true;
  if (field.day === 'month' && item.toUpperCase() === 'L') return true;
  if (field.day === 'week') {
    const special = /^(\w+)(?:L|#[1-5])$/i.exec(item);
    if (special) return valueOf(special[1] as string, field) !== undefined;
  }
  const [range, step, extra] = item.split('/');
  if (extra !== undefined || range === undefined || range === '') return false;
  if (step !== undefined && (!/^\d+$/.test(step) || Number(step) < 1)) return false;
  if (range === '*') return step !== undefined;
  const [from, to, beyond] = range.split('-');
  if (beyond !== undefined) return false;
  const start = valueOf(from ?? '', field);
  if (start === undefined) return false;
  if (to === undefined) return true;
  const end = valueOf(to, field);
  return end !== undefined && end >= start;
}

function valueOf(text: string, field: CronField): number | undefined {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.names === MONTHS ? named + 1 : named;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : undefined;
}
