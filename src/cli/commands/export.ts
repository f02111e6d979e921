import { Argument, Option, type Command } from 'commander';
import { SUPPORTS } from '../../core/collection/model.js';
import { action, examples } from '../action.js';

/**
 * `aime export`: made for cron. It reads the database itself, read-only, through the same
 * core/exports the daemon's jobs use, so it works whether the daemon runs or not (WAL lets
 * a reader in beside the daemon). Quiet on success unless --json; the exit code tells.
 */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('the collection as Markdown (grouped by artist, with contents) or JSON; works with the daemon down')
    .addArgument(new Argument('<format>', 'markdown or json').choices(['markdown', 'json']))
    .option('--out <file>', 'write to FILE atomically (temp file + rename); "-" or none: stdout')
    .addOption(new Option('--support <support>', 'only albums owned on this support').choices(SUPPORTS))
    .option('--artist <name>', 'only this artist (case, accents and "The" ignored)')
    .addHelpText(
      'after',
      examples(
        'aime export markdown > collection.md',
        'aime export json --out /srv/share/collection.json',
        'aime export markdown --support vinyl --out vinyl.md',
        'aime export markdown --artist "Talking Heads"',
      ),
    )
    .action(
      action(async (cli, format: 'markdown' | 'json', options: { out?: string; support?: string; artist?: string }) => {
        const started = Date.now();
        const { ConfigFile } = await import('../../config/config.js');
        const { openDatabase } = await import('../../db/data-source.js');
        const { SqliteExportCatalog } = await import('../../db/repositories/exports.js');
        const { exportCollection } = await import('../../core/exports/collection.js');
        const config = await ConfigFile.open({ home: cli.options.home });
        const db = await openDatabase({ path: config.paths.database, readonly: true });
        let made;
        try {
          const filter = { ...(options.support ? { support: options.support } : {}), ...(options.artist !== undefined ? { artist: options.artist } : {}) };
          made = await exportCollection(new SqliteExportCatalog(db), { format, filter, exportedAt: Date.now(), timezone: config.values().timezone });
        } finally {
          await db.close();
        }
        if (options.out === undefined || options.out === '-') {
          // With --json, stdout holds one JSON document: the export goes inside it.
          if (cli.out.json) cli.out.data({ format, content: made.content, albums: made.albums, bytes: Buffer.byteLength(made.content), durationMs: Date.now() - started });
          else process.stdout.write(made.content);
          return;
        }
        const { resolve } = await import('node:path');
        const { writeUserFile } = await import('../files.js');
        const file = resolve(options.out);
        writeUserFile(file, made.content);
        cli.out.data({ format, file, albums: made.albums, bytes: Buffer.byteLength(made.content), durationMs: Date.now() - started });
      }),
    );
}
