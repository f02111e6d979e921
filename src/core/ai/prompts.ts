/**
 * Every prompt AIME sends, in French (default) and English, each with a version stored
 * next to the text it produced (so a better prompt can regenerate old texts knowingly).
 * Prompts are built only from our own facts (see facts-text.ts).
 */
import { albumLine, albumTitle, countedList, listeningFacts } from './facts-text.js';
import type { AiAsk, AiLanguage, AlbumFacts, ArtistFacts, CollectionSummary, ListeningSummary } from './ports.js';

export interface Prompt extends AiAsk {
  /** e.g. "description.v1": what produced a stored text. */
  readonly version: string;
}

const CRITIC = {
  fr: 'Tu es un critique musical expert. Tu écris en français. Quand tu n’es pas sûr d’un fait, tu ne l’inventes pas.',
  en: 'You are an expert music critic. You write in English. When you are not sure of a fact, you do not make it up.',
};

export const DESCRIPTION_CHARS = { min: 1800, max: 2000 } as const;
export const PRESENTATION_WORDS = 35;

export function albumDescriptionPrompt(album: AlbumFacts, language: AiLanguage): Prompt {
  const { min, max } = DESCRIPTION_CHARS;
  const user =
    language === 'fr'
      ? `Décris l'album ${albumLine(album, language)}. Écris EXACTEMENT entre ${min} et ${max} caractères, en paragraphes courts : contexte historique et culturel, style et influences, thèmes et atmosphère, réception, morceaux marquants, héritage. Pas de titre, pas de liste, pas de question ni de commentaire sur ta réponse.`
      : `Describe the album ${albumLine(album, language)}. Write EXACTLY between ${min} and ${max} characters, in short paragraphs: historical and cultural context, style and influences, themes and mood, reception, standout tracks, legacy. No title, no list, no question or comment about your answer.`;
  return { version: 'description.v1', maxTokens: 900, temperature: 0.7, messages: [{ role: 'system', content: CRITIC[language] }, { role: 'user', content: user }] };
}

export function albumPresentationPrompt(album: AlbumFacts, language: AiLanguage): Prompt {
  const user =
    language === 'fr'
      ? `Présente l'album ${albumLine(album, language)} en ${PRESENTATION_WORDS} mots maximum. Réponds uniquement en français, sans question ni commentaire.`
      : `Introduce the album ${albumLine(album, language)} in ${PRESENTATION_WORDS} words at most. Answer in English only, with no question or comment.`;
  return { version: 'presentation.v1', maxTokens: 120, temperature: 0.7, messages: [{ role: 'system', content: CRITIC[language] }, { role: 'user', content: user }] };
}

const POET = {
  fr: 'Tu es un poète spécialisé en haïkus (structure 5-7-5). Tu écris en français.',
  en: 'You are a poet who writes haiku (5-7-5 structure). You write in English.',
};

export function listeningHaikuPrompt(summary: ListeningSummary, period: string, language: AiLanguage): Prompt {
  const user =
    language === 'fr'
      ? `Écris un haïku qui capture l'essence de ces écoutes (${period}) :\n${listeningFacts(summary, language)}\nRéponds uniquement avec le haïku en 3 lignes, sans titre ni numérotation.`
      : `Write a haiku capturing the essence of this listening (${period}):\n${listeningFacts(summary, language)}\nAnswer with the haiku only, in 3 lines, no title, no numbering.`;
  return { version: 'listening-haiku.v1', maxTokens: 100, temperature: 0.8, messages: [{ role: 'system', content: POET[language] }, { role: 'user', content: user }] };
}

export function collectionHaikuPrompt(collection: CollectionSummary, language: AiLanguage): Prompt {
  const sample = collection.sample.map((album) => albumTitle(album, language)).join(', ');
  const user =
    language === 'fr'
      ? `Écris un haïku sur cette collection de disques : ${collection.albums} albums ; supports : ${countedList(collection.supports, language)} ; genres principaux : ${countedList(collection.genres, language)} ; quelques albums : ${sample}.\nRéponds uniquement avec le haïku en 3 lignes, sans titre ni numérotation.`
      : `Write a haiku about this record collection: ${collection.albums} albums; formats: ${countedList(collection.supports, language)}; main genres: ${countedList(collection.genres, language)}; a few albums: ${sample}.\nAnswer with the haiku only, in 3 lines, no title, no numbering.`;
  return { version: 'collection-haiku.v1', maxTokens: 100, temperature: 0.8, messages: [{ role: 'system', content: POET[language] }, { role: 'user', content: user }] };
}

export function monthlyReportPrompt(summary: ListeningSummary, month: string, language: AiLanguage): Prompt {
  const user =
    language === 'fr'
      ? `Écris le bilan d'écoute de ${month} pour cet auditeur, entre 150 et 250 mots, en deux ou trois paragraphes, ton chaleureux, sans titre. N'invente aucun chiffre.\nFaits : ${summary.listens} écoutes sur ${summary.activeDays} jours actifs ; ${summary.newArtists} artistes découverts.\n${listeningFacts(summary, language)}`
      : `Write this listener's listening report for ${month}, between 150 and 250 words, in two or three paragraphs, warm tone, no title. Do not invent any number.\nFacts: ${summary.listens} plays over ${summary.activeDays} active days; ${summary.newArtists} artists discovered.\n${listeningFacts(summary, language)}`;
  return { version: 'monthly-report.v1', maxTokens: 600, temperature: 0.7, messages: [{ role: 'system', content: CRITIC[language] }, { role: 'user', content: user }] };
}

export function artistPortraitPrompt(artist: ArtistFacts, today: string, language: AiLanguage): Prompt {
  const albums = artist.albums
    .slice(0, 10)
    .map((album) => `- ${album.title}${album.year ? ` (${album.year})` : ''}${album.genres.length ? ` — ${album.genres.join(', ')}` : ''}${album.summary ? ` : ${album.summary.slice(0, 200)}` : ''}`)
    .join('\n');
  const user =
    language === 'fr'
      ? `Nous sommes le ${today}. Écris en Markdown un portrait de l'artiste ${artist.name}, environ 1200 mots, avec ta connaissance la plus récente.\nStructure : « # ${artist.name} : portrait d'artiste », puis les sections ## Introduction, ## Biographie et débuts, ## Discographie et évolution artistique, ## Actualité, ## Impact et héritage, ## Anecdotes.\nDans la collection de l'auditeur (albums : ${artist.albums.length}, écoutes : ${artist.listens}) :\n${albums}`
      : `Today is ${today}. Write in Markdown a portrait of the artist ${artist.name}, about 1200 words, using your most recent knowledge.\nStructure: "# ${artist.name}: artist portrait", then the sections ## Introduction, ## Biography and beginnings, ## Discography and artistic evolution, ## Recent news, ## Impact and legacy, ## Anecdotes.\nIn the listener's collection (albums: ${artist.albums.length}, plays: ${artist.listens}):\n${albums}`;
  return { version: 'artist-portrait.v1', maxTokens: 3000, temperature: 0.7, messages: [{ role: 'system', content: CRITIC[language] }, { role: 'user', content: user }] };
}

/** A track the model may choose, by our own id. */
export interface CandidateTrack {
  readonly id: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
}

/** Tracks listed in one playlist prompt (a few thousand tokens at most). */
export const MAX_PROMPT_CANDIDATES = 150;

export function playlistSelectionPrompt(request: string, candidates: readonly CandidateTrack[], count: { min: number; max: number }, language: AiLanguage): Prompt {
  const lines = candidates
    .slice(0, MAX_PROMPT_CANDIDATES)
    .map((track) => `${track.id}: ${track.artist} - ${track.title}${track.album ? ` (${track.album})` : ''}`)
    .join('\n');
  const user =
    language === 'fr'
      ? `Tu es un DJ expert. Choisis parmi les morceaux ci-dessous ceux qui font la meilleure playlist pour : « ${request} ». Choisis entre ${count.min} et ${count.max} morceaux, uniquement parmi ces identifiants, chacun une seule fois, dans l'ordre d'écoute. Réponds uniquement avec un objet JSON {"ids": [12, 5, 31]}.\nMorceaux (id: artiste - titre (album)) :\n${lines}`
      : `You are an expert DJ. From the tracks below, choose those that make the best playlist for: "${request}". Choose between ${count.min} and ${count.max} tracks, only among these ids, each once, in listening order. Answer with a JSON object only: {"ids": [12, 5, 31]}.\nTracks (id: artist - title (album)):\n${lines}`;
  return { version: 'playlist-selection.v1', maxTokens: 400, temperature: 0.5, json: true, messages: [{ role: 'user', content: user }] };
}
