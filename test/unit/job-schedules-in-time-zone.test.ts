// Cron read in the configured time zone (what Bree fires and `aime jobs list` shows), the
// catch-up rule for runs missed while the daemon was down, and per-job overrides.
import { describe, expect, it } from 'vitest';
import type { AimeConfig } from '../../src/config/config.js';
import { missedRun } from '../../src/core/jobs/catch-up.js';
import { JOBS } from '../../src/core/jobs/catalogue.js';
import { cronSchedule } from '../../src/daemon/services/scheduler/cron.js';
import { plannedJobs, unknownOverrides } from '../../src/daemon/services/scheduler/jobs.js';

const at = (iso: string) => Date.parse(iso);

describe('cron in a time zone', () => {
  it.each([
    ['UTC', '2026-11-22T08:00:00.000Z', '2026-11-21T08:00:00.000Z'],
    ['Europe/Zurich', '2026-11-22T07:00:00.000Z', '2026-11-21T07:00:00.000Z'],
    ['America/New_York', '2026-11-21T13:00:00.000Z', '2026-11-20T13:00:00.000Z'],
    ['Asia/Tokyo', '2026-11-21T23:00:00.000Z', '2026-11-20T23:00:00.000Z'],
  ])('08:00 daily in %s', (zone, next, previous) => {
    const schedule = cronSchedule('0 8 * * *', zone);
    const now = at('2026-11-21T10:30:00Z');
    expect(new Date(schedule.next(now)!).toISOString()).toBe(next);
    expect(new Date(schedule.previous(now)!).toISOString()).toBe(previous);
  });

  it('follows summer time: 08:00 in Zurich is 06:00 UTC in July', () => {
    expect(new Date(cronSchedule('0 8 * * *', 'Europe/Zurich').next(at('2026-07-01T12:00:00Z'))!).toISOString()).toBe('2026-07-02T06:00:00.000Z');
  });

  it('knows the weekly, monthly and six-hourly jobs', () => {
    const now = at('2026-11-21T10:30:00Z'); // a Saturday
    expect(new Date(cronSchedule('0 20 * * 0', 'Europe/Zurich').next(now)!).toISOString()).toBe('2026-11-22T19:00:00.000Z');
    expect(new Date(cronSchedule('0 3 1 * *', 'Europe/Zurich').next(now)!).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(new Date(cronSchedule('0 */6 * * *', 'Europe/Zurich').next(now)!).toISOString()).toBe('2026-11-21T11:00:00.000Z');
  });

  it('reads six fields as a schedule with seconds', () => {
    const now = at('2026-11-21T10:30:00.400Z');
    expect(cronSchedule('*/2 * * * * *', 'UTC').next(now)).toBe(at('2026-11-21T10:30:02Z'));
  });
});

describe('catch-up rule', () => {
  const since = at('2026-11-01T00:00:00Z');
  const due = at('2026-11-21T07:00:00Z');
  it('runs a job whose last scheduled time passed without a run', () => {
    expect(missedRun({ previousScheduledAt: due, schedulerSince: since, lastRunStartedAt: at('2026-11-20T07:00:00Z') })).toBe(true);
    expect(missedRun({ previousScheduledAt: due, schedulerSince: since, lastRunStartedAt: null })).toBe(true);
  });
  it('does nothing when the job ran at or after that time', () => {
    expect(missedRun({ previousScheduledAt: due, schedulerSince: since, lastRunStartedAt: due })).toBe(false);
    expect(missedRun({ previousScheduledAt: due, schedulerSince: since, lastRunStartedAt: due + 60_000 })).toBe(false);
  });
  it('does nothing on a fresh install (nothing fell due since the first start)', () => {
    expect(missedRun({ previousScheduledAt: due, schedulerSince: due + 1, lastRunStartedAt: null })).toBe(false);
    expect(missedRun({ previousScheduledAt: null, schedulerSince: since, lastRunStartedAt: null })).toBe(false);
  });
});

describe('scheduler.jobs overrides', () => {
  const config = (jobs: Record<string, unknown>, timezone = 'Europe/Zurich') => ({ timezone, scheduler: { jobs } }) as unknown as AimeConfig;

  it('keeps the SPEC schedule by default', () => {
    const jobs = plannedJobs(config({}));
    expect(jobs.map((job) => [job.name, job.cron, job.enabled])).toEqual(JOBS.map((job) => [job.name, job.cron, true]));
    expect(jobs.find((job) => job.name === 'markdown-export')?.cron).toBe('0 8 * * *');
  });

  it('changes a cron, disables a job, and names what is wrong', () => {
    const jobs = plannedJobs(config({ 'markdown-export': { cron: '0 7 * * *' }, 'json-export': { enabled: false }, 'weekly-haiku': { cron: 'every sunday' } }));
    expect(jobs.find((job) => job.name === 'markdown-export')).toMatchObject({ cron: '0 7 * * *', defaultCron: '0 8 * * *', enabled: true, problem: null });
    expect(jobs.find((job) => job.name === 'json-export')).toMatchObject({ enabled: false });
    expect(jobs.find((job) => job.name === 'weekly-haiku')?.problem).toMatch(/5 fields/);
    expect(unknownOverrides(config({ 'markdown-exprot': {} }))).toEqual(['markdown-exprot']);
    expect(plannedJobs(config({}, 'Mars/Olympus'))[0]?.problem).toMatch(/unknown time zone/);
  });
});
