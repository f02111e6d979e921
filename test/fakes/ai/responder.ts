// The default responder: deterministic text derived from the prompt and sized by what the
// prompt asks for (a character range, a word count, a haiku's lines, JSON of a given shape).
// Like real models it overshoots a character range a little, so clients must trim.
import { hashText, seededRandom } from '../lastfm/fault-plan.js';
import { fillShape, findShape, type JsonValue } from './json-shape.js';
import type { AiResponder, ChatCompletionRequest, ChatMessage } from './types.js';

const EN = {
  subjects: ['The album', 'This record', 'The opening track', 'Its production', 'The band', 'Each song', 'The closing piece', 'The rhythm section', 'The second side', 'The voice'],
  verbs: ['blends', 'explores', 'balances', 'carries', 'reveals', 'echoes', 'stretches', 'questions', 'revisits', 'lights up'],
  objects: ['warm analog textures', 'restless rhythms', 'a melancholy undertone', 'the spirit of its era', 'unexpected harmonies', 'quiet moments of doubt', 'the weight of memory', 'bright guitar lines', 'a late-night atmosphere', 'its own mythology'],
  tails: ['with quiet confidence', 'across its second half', 'without losing its pop instincts', 'long after the last note', 'in a way few records dare', 'from the very first bar', 'with remarkable restraint', 'like a postcard from another time'],
  names: ['Velvet Tides', 'Paper Lanterns', 'Northern Echoes', 'Golden Harbors', 'Neon Rivers', 'Silent Comets', 'Lunar Foxes', 'Crimson Mirrors'],
  haiku: ['soft needle on wax', 'rain taps the window', 'a chorus returns', 'night hums in the speakers', 'old songs light the room', 'the record keeps turning'],
};

const FR = {
  subjects: ["L'album", 'Ce disque', 'Le morceau d’ouverture', 'La production', 'Le groupe', 'Chaque chanson', 'La pièce finale', 'La section rythmique', 'La face B', 'La voix'],
  verbs: ['mêle', 'explore', 'équilibre', 'porte', 'révèle', 'prolonge', 'étire', 'interroge', 'revisite', 'illumine'],
  objects: ['des textures analogiques chaleureuses', 'des rythmes fiévreux', 'une mélancolie discrète', "l'esprit de son époque", 'des harmonies inattendues', 'des instants de doute', 'le poids de la mémoire', 'des guitares lumineuses', 'une atmosphère nocturne', 'sa propre mythologie'],
  tails: ['avec une belle assurance', 'tout au long de la seconde face', 'sans renier son goût pour la pop', 'bien après la dernière note', 'comme peu de disques osent le faire', 'dès la première mesure', 'avec une retenue remarquable', "comme une carte postale d'un autre temps"],
  names: ['Marées Basses', 'Lanternes de Papier', 'Échos du Nord', 'Ports Dorés', 'Rivières Néon', 'Comètes Silencieuses', 'Renards Lunaires', 'Miroirs Pourpres'],
  haiku: ['le sillon murmure', 'la pluie sur la vitre', 'un refrain revient', 'la nuit chante encore', 'les vieux airs dansent', 'le disque tourne'],
};

export function messageText(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('\n');
  return '';
}

export function promptOf(request: ChatCompletionRequest): string {
  return request.messages.map(messageText).join('\n\n');
}

function looksFrench(text: string): boolean {
  const hits = text.match(/\b(le|la|les|des|une|est|et|du|réponds|français|album de|en)\b|[éèêàçù]/gi);
  return (hits?.length ?? 0) >= 4;
}

function number(text: string): number {
  return Number.parseInt(text.replace(/\D/g, ''), 10);
}

export const defaultResponder: AiResponder = (request, context) => {
  const prompt = context.prompt;
  const rand = seededRandom(hashText(`${request.model}\u0000${prompt}`));
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const lang = looksFrench(prompt) ? FR : EN;
  const sentence = (): string => `${pick(lang.subjects)} ${pick(lang.verbs)} ${pick(lang.objects)} ${pick(lang.tails)}.`;

  const format = request.response_format?.type ?? '';
  if (format.startsWith('json') || /\bjson\b/i.test(prompt)) {
    const countHint = /(\d+)\s+(?:albums?|tracks?|items?|morceaux|titres|results?|résultats|artistes?|artists?)\b/i.exec(prompt);
    const count = Math.min(100, countHint ? number(countHint[1]!) : 3);
    const words = (): string => pick(lang.objects).replace(/^./, (c) => c.toUpperCase());
    const name = (): string => pick(lang.names);
    const shape = findShape(prompt);
    const value: JsonValue = shape ? fillShape(shape, { count, words, name, int }) : { answer: sentence() };
    return JSON.stringify(value, null, 2);
  }

  const haiku = /ha[iï]ku/i.test(prompt);
  const lines = /(\d+)\s*(?:lignes|lines)\b/i.exec(prompt);
  if (haiku || lines) {
    const n = lines ? Math.min(20, number(lines[1]!)) : 3;
    const pool = [...lang.haiku];
    return Array.from({ length: n }, () => pool.splice(Math.floor(rand() * pool.length), 1)[0] ?? pick(lang.haiku)).join('\n');
  }

  const range = /(\d[\d\s.,’']*\d|\d)\s*(?:et|and|to|à|-|–|—)\s*(\d[\d\s.,’']*\d|\d)\s*(?:caract[èe]res|characters|chars)/i.exec(prompt);
  const single = /(\d[\d\s.,’']*\d|\d)\s*(?:caract[èe]res|characters|chars)/i.exec(prompt);
  const charTarget = range ? number(range[2]!) : single ? number(single[1]!) : undefined;
  if (charTarget !== undefined) return paragraphs(Math.round(charTarget * 1.05), sentence);

  // "35 mots", "150-word", "(2–4 words)": a range counts as its upper bound.
  const wordCounts = [...prompt.matchAll(/(?:\d+\s*(?:-|–|à|to)\s*)?(\d+)[\s-]*(?:mots|words?)\b/gi)].map((m) => number(m[1]!));
  if (wordCounts.length > 0) {
    const total = wordCounts.length === 1 ? wordCounts[0]! : wordCounts.reduce((a, b) => a + b, 0);
    return words(total, sentence);
  }
  if (/\b(short|brief|court|courte|bref|brève)\b/i.test(prompt)) return sentence();
  return paragraphs(int(350, 650), sentence);
};

/** Sentences grouped in short paragraphs until at least `chars` characters. */
function paragraphs(chars: number, sentence: () => string): string {
  let text = '';
  let inParagraph = 0;
  while (text.length < chars) {
    if (inParagraph === 4) {
      text += '\n\n';
      inParagraph = 0;
    } else if (text) {
      text += ' ';
    }
    text += sentence();
    inParagraph++;
  }
  return text;
}

/** Exactly `count` words, ending with a full stop. */
function words(count: number, sentence: () => string): string {
  const out: string[] = [];
  while (out.length < count) out.push(...sentence().split(' '));
  return `${out.slice(0, count).join(' ').replace(/[.,]$/, '')}.`;
}
