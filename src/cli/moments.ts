const pad = (value: number) => String(value).padStart(2, '0');

interface Clock {
  readonly day: string;
  readonly time: string;
}

/**
 * The zone's clock through Date's getters with TZ set for the moment: about 1 ms, where Intl
 * with a timeZone (core/time) first loads ICU's zone data, 10–50 ms that `aime status` in a
 * status bar cannot spare. An unknown zone reads as UTC, as Date does.
 */
function clockIn(timeZone: string, epochMs: number): Clock {
  const saved = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    const d = new Date(epochMs);
    return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` };
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/**
 * An ISO instant as the configured zone's clock shows it: "14:02:11" today, "2026-03-01
 * 14:02" another day. The daemon sends UTC; people read their own clock.
 */
export function localMoment(iso: string, timeZone: string, nowMs = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const shown = clockIn(timeZone, at);
  return shown.day === clockIn(timeZone, nowMs).day ? shown.time : `${shown.day} ${shown.time.slice(0, 5)}`;
}

/** How far ahead an ISO instant is: "in 42 s", "in 5 min", "in 2 h 10 min"; "now" once due. */
export function inWords(iso: string, nowMs = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds <= 0) return 'now';
  if (seconds < 90) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `in ${minutes} min`;
  return `in ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
