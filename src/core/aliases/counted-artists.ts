import { creditArtists, possibleArtists } from '../credits.js';

/** An artist a listen counts for in statistics: the display name and its name key. */
export interface CountedArtist {
  readonly name: string;
  readonly key: string;
}

export interface CreditRules {
  /** The name key of core/names.ts (passed in so callers can memoise it). */
  readonly key: (name: string) => string;
  /** Alias name key → the canonical name as typed (an artist, or a credit that splits). */
  readonly aliases: ReadonlyMap<string, string>;
  /** Whether a name key is an artist on its own: in the library, or named by an alias. */
  readonly isArtist: (key: string) => boolean;
}

/**
 * The artists a credit counts for: "A / B" and "A feat. B" count for A and for B; "A & B",
 * "A, B", "A and B"… only when A and B are each an artist on their own (else "Simon &
 * Garfunkel" stays one artist); an alias counts for its canonical artist(s), followed
 * through chains (A → B → C). Each artist once, in credit order. A listen by a credit counts
 * one play for each of its artists.
 */
export function countedArtists(credit: string, rules: CreditRules): CountedArtist[] {
  const found = new Map<string, CountedArtist>();
  const visit = (name: string, followed: ReadonlySet<string>): void => {
    const text = name.trim();
    const key = rules.key(text);
    if (!key) return;
    const canonical = rules.aliases.get(key);
    // `followed` only guards against a cycle stored before the rule refusing them existed.
    if (canonical !== undefined && !followed.has(key)) {
      visit(canonical, new Set(followed).add(key));
      return;
    }
    const parts = creditArtists(text);
    if (parts.length > 1) {
      for (const part of parts) visit(part, followed);
      return;
    }
    const pieces = possibleArtists(text)[0] ?? [];
    if (pieces.length > 1 && pieces.every((piece) => isNamed(piece, rules))) {
      for (const piece of pieces) visit(piece, followed);
      return;
    }
    if (!found.has(key)) found.set(key, { name: text, key });
  };
  visit(credit, new Set());
  return [...found.values()];
}

function isNamed(piece: string, rules: CreditRules): boolean {
  const key = rules.key(piece);
  return key !== '' && (rules.isArtist(key) || rules.aliases.has(key));
}

/** Whether a credit's name could count for anything but itself (a cheap test before countedArtists). */
export function mayCountOtherwise(credit: string, aliasKey: boolean): boolean {
  return aliasKey || SEPARATOR_HINT.test(credit);
}

/** Every character or word that a separator of core/credits.ts contains. */
const SEPARATOR_HINT = /[/;&,]|\b(?:feat|ft|featuring|and|x|vs|with)\b/i;
