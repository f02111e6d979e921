/**
 * An artist credit names one or more artists: Roon says "Daft Punk / Pharrell Williams",
 * Spotify and Last.fm say "Daft Punk feat. Pharrell Williams" or only "Daft Punk". The credit
 * string is kept for display; these functions say which artists it names.
 *
 * Some separators always join two artists (" / ", "; ", "feat.", "ft.", "featuring"). Others
 * also occur inside one artist's name ("Simon & Garfunkel", "Earth, Wind & Fire", "Crosby,
 * Stills, Nash & Young"), so they only split a credit when the caller knows each part is an
 * artist of its own (an artist already in the library, or an alias saying so).
 */

/** Separators that always join two artists' names in a credit (case-insensitive). */
const ALWAYS = /\s+\/\s+|\s*;\s+|\s+(?:feat\.?|ft\.?|featuring)\s+/i;

/** Separators that join artists in some credits and belong to one name in others. */
const SOMETIMES = /\s+&\s+|\s*,\s+|\s+and\s+|\s+x\s+|\s+vs\.?\s+|\s+with\s+/i;

/** The artists a credit names for sure: "A / B feat. C" → ["A", "B", "C"]; "A & B" → ["A & B"]. */
export function creditArtists(credit: string): string[] {
  return split(credit, ALWAYS);
}

/** The first artist of a credit (the one a scrobbler naming only one artist would name). */
export function primaryArtist(credit: string): string {
  return creditArtists(credit)[0] ?? credit.trim();
}

/**
 * Each sure part split further at the separators that may belong to a name:
 * "Simon & Garfunkel / Paul Simon" → [["Simon", "Garfunkel"], ["Paul Simon"]]. The caller
 * keeps a part whole unless every piece of it is a known artist.
 */
export function possibleArtists(credit: string): string[][] {
  return creditArtists(credit).map((part) => split(part, SOMETIMES));
}

function split(text: string, separator: RegExp): string[] {
  const global = new RegExp(separator.source, 'gi');
  return text
    .split(global)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
