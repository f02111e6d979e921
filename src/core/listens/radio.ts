import type { PlayReport } from '../model.js';
import { nameKey } from '../names.js';

/**
 * Radio streams show the station as artist, album or title ("RTS La Première",
 * "Radio Swiss Jazz - Now playing"): such a "play" is a station, never a listen. A report
 * matches a configured station when one of its names is the station, or starts with it,
 * or holds it as a " - " separated part.
 */
export function radioStationMatcher(stations: readonly string[]): (report: PlayReport) => boolean {
  const keys = stations.map(nameKey).filter((key) => key.length > 0);
  if (keys.length === 0) return () => false;
  return (report) => {
    for (const name of [report.artist, report.album, report.title]) {
      if (!name) continue;
      const key = nameKey(name);
      const parts = name.split(' - ').map(nameKey);
      for (const station of keys) {
        if (key === station || key.startsWith(`${station} `) || parts.includes(station)) return true;
      }
    }
    return false;
  };
}
