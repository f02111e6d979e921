import type { Command } from 'commander';
import { examples } from '../action.js';
import { registerImportDiscogs } from './import-discogs.js';
import { registerFileImport } from './import-file.js';
import { registerLastfmImport } from './import-lastfm.js';

/** `aime import …`: bringing history and collection in from outside services, one file per source. */
export function registerImportCommands(program: Command): void {
  const parent = program
    .command('import')
    .description('import from outside services and export files (resumable; re-running adds nothing)')
    .addHelpText('after', examples('aime import discogs', 'aime import file ~/Downloads/my_spotify_data.zip'));
  registerLastfmImport(parent);
  registerImportDiscogs(parent);
  registerFileImport(parent);
}
