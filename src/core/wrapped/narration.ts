import { rankedList } from '../ai/facts-text.js';
import type { AiLanguage, AiWriter } from '../ai/ports.js';
import type { Prompt } from '../ai/prompts.js';
import { limitWords, requireProse } from '../ai/shape.js';
import type { YearInReview } from './model.js';

/** The paragraph stays short: the page and the terminal show it whole. */
export const PARAGRAPH_WORDS = 90;

const CRITIC = {
  fr: 'Tu es un critique musical chaleureux. Tu écris en français. Tu n’inventes aucun chiffre ni aucun fait.',
  en: 'You are a warm music critic. You write in English. You never invent a number or a fact.',
};

/**
 * The year's facts for the model: counts, names and titles AIME holds — no source names,
 * no URLs, no Spotify data (its terms forbid feeding it to a model).
 */
export function yearParagraphPrompt(report: YearInReview, language: AiLanguage): Prompt {
  const period = report.year !== null ? String(report.year) : `${report.from} → ${report.to}`;
  const artists = rankedList(report.topArtists.slice(0, 5), language);
  const albums = rankedList(report.topAlbums.slice(0, 3).map((album) => ({ name: `${album.title} (${album.artist})`, plays: album.plays })), language);
  const best = report.albumOfTheYear;
  const facts = language === 'fr'
    ? [
        `${report.listens} écoutes, ${report.hours} heures, ${report.activeDays} jours actifs sur ${report.days}.`,
        `Artistes les plus écoutés : ${artists}.`,
        `Albums les plus écoutés : ${albums}.`,
        best ? `Album de l'année (écouté en entier ${best.completePlays} fois) : ${best.title} de ${best.artist}.` : '',
        `${report.discovery.newArtists} artistes découverts, dont ${report.discovery.regulars} devenus des habitués.`,
        report.sources.spins ? `${report.sources.spins} écoutes sur platine ou lecteur (disques joués à la main).` : '',
      ]
    : [
        `${report.listens} plays, ${report.hours} hours, ${report.activeDays} active days out of ${report.days}.`,
        `Most played artists: ${artists}.`,
        `Most played albums: ${albums}.`,
        best ? `Album of the year (played start to end ${best.completePlays} times): ${best.title} by ${best.artist}.` : '',
        `${report.discovery.newArtists} artists discovered, ${report.discovery.regulars} of them became regulars.`,
        report.sources.spins ? `${report.sources.spins} plays of records spun by hand.` : '',
      ];
  const user = language === 'fr'
    ? `Écris un court paragraphe (${PARAGRAPH_WORDS} mots au plus) qui raconte l'année musicale ${period} de cet auditeur, à la deuxième personne, ton chaleureux, sans titre ni liste. Faits :\n${facts.filter(Boolean).join('\n')}`
    : `Write one short paragraph (${PARAGRAPH_WORDS} words at most) telling this listener's year in music ${period}, in the second person, warm tone, no title, no list. Facts:\n${facts.filter(Boolean).join('\n')}`;
  return { version: 'wrapped-paragraph.v1', maxTokens: 300, temperature: 0.7, messages: [{ role: 'system', content: CRITIC[language] }, { role: 'user', content: user }] };
}

/** The paragraph for a report with listens; a year without any has nothing to tell. */
export async function writeYearParagraph(writer: AiWriter, report: YearInReview, language: AiLanguage, signal?: AbortSignal): Promise<{ text: string; model: string } | null> {
  if (report.listens === 0) return null;
  const answer = await writer.ask(yearParagraphPrompt(report, language), signal);
  return { text: limitWords(requireProse(answer.text, 'year paragraph'), PARAGRAPH_WORDS), model: answer.model };
}
