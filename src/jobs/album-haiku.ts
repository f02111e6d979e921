import { publishOutput } from '../core/exports/files.js';
import { renderAlbumHaikuDeck } from '../core/exports/documents.js';
import { generateAlbumHaikuDeck } from '../core/ai/jobs.js';
import { jobDefinition } from '../core/jobs/catalogue.js';
import { SqliteExportCatalog } from '../db/repositories/exports.js';
import { aiForJob } from './ai.js';
import { runJob } from './runtime.js';

/** 06:00: the "Album Haïku" deck: a haiku on the collection and five random albums presented in 35 words. */
await runJob('album-haiku', async (context) => {
  const deck = await generateAlbumHaikuDeck(aiForJob(context), { count: 5, signal: context.signal });
  const albums = await new SqliteExportCatalog(context.db).albumsByIds(deck.albums.map((text) => text.album.id));
  const presentations = new Map(deck.albums.map((text) => [text.album.id, text.text]));
  const content = renderAlbumHaikuDeck({
    at: context.startedAt,
    timezone: context.output.timezone,
    haiku: deck.haiku.text,
    albums: albums.map((album) => ({ album, presentation: presentations.get(album.id) ?? '' })),
    model: deck.haiku.model,
  });
  const outputFile = publishOutput(context.output, jobDefinition('album-haiku').output!, content, context.startedAt);
  return { outputFile, details: { albums: albums.length, model: deck.haiku.model } };
});
