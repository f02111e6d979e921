// The real export files other projects test with (../shared/fixtures/real, facts in its README),
// read through the real walker, files and ZIPs, with the counts OUR rules give. Where our rule
// differs from the upstream project's, the comment says how and the test asserts ours.
import { beforeAll, describe, expect, it } from 'vitest';
import { realFixture } from '../support/shared-fixtures.js';
import { fileEnding, walk, type Walked } from '../support/export-walk.js';

const distinct = (values: readonly unknown[]): number => new Set(values).size;

describe('Koito test assets', () => {
  let walked: Walked;
  beforeAll(async () => {
    walked = await walk([realFixture('koito')]);
  });

  it('reads every file it recognises and passes over Koito’s own export format and user.json', () => {
    expect(walked.failed).toEqual([]);
    expect(walked.passedOver.map((event) => [event.path.replace(/.*koito\//, ''), event.companion])).toEqual([
      ['koito_export_test.json', false],
      ['listenbrainz_shoko1_1749780844.zip:user.json', true],
    ]);
  });

  it('Spotify extended history: 39 streams, 17 of 30 s or more are listens, 22 short', () => {
    // Koito imports only reason_end=trackdone (1 stream); we count every music stream >= 30 s.
    const spotify = fileEnding(walked, 'Streaming_History_Audio_spotify_import_test.json');
    expect(spotify.tally).toMatchObject({ records: 39, plays: 17, skipped: 22, skippedBy: { short: 22 }, failed: 0 });
    // Koito's asserted track: The Story So Far / Clairvoyant, played 181 s; it starts at its offline_timestamp.
    expect(spotify.plays.filter((play) => play.title === 'Clairvoyant')).toEqual([
      { artist: 'The Story So Far', title: 'Clairvoyant', album: 'The Story So Far / Stick To Your Guns Split', timestamp: 1745886847, source: 'spotify', playedSeconds: 181, client: 'windows' },
    ]);
    const first = Date.parse('2025-04-28T21:04:35Z') / 1000 - 3600 * 12;
    const last = Date.parse('2025-04-29T23:12:45Z') / 1000;
    expect(spotify.plays.every((play) => play.timestamp > first && play.timestamp <= last)).toBe(true);
  });

  it('Maloja export: 38 scrobbles, every one on the album Magnify Tokyo', () => {
    const maloja = fileEnding(walked, 'maloja_import_test.json');
    expect(maloja.tally).toMatchObject({ records: 38, plays: 38, failed: 0 });
    expect(distinct(maloja.plays.map((play) => play.album))).toBe(1);
    expect(maloja.plays[0]).toMatchObject({ artist: 'Kanade Ishihara, Magnify Tokyo • Kanade Ishihara', title: '伊吹', album: 'Magnify Tokyo', timestamp: 1746434410, source: 'maloja' });
    // Koito splits artists and counts 38 listens for "Magnify Tokyo"; we keep each scrobble's
    // artists as one credit, so the 38 spread over 6 credits.
    expect(distinct(maloja.plays.map((play) => play.artist))).toBe(6);
    expect(Math.min(...maloja.plays.map((play) => play.timestamp))).toBe(1746434410);
    expect(Math.max(...maloja.plays.map((play) => play.timestamp))).toBe(1747141595);
  });

  it('Maloja API format ({list}) and a null album: 2 listens each; empty artists fail', () => {
    expect(fileEnding(walked, 'maloja_api_format_test.json').plays.map((play) => play.artist)).toEqual(['API Format Artist', 'API Format Artist']);
    const nullAlbum = fileEnding(walked, 'maloja_import_null_album_test.json');
    expect(nullAlbum.plays.map((play) => [play.artist, play.album])).toEqual([['Null Album Artist', null], ['Valid Album Artist', 'My Great Album']]);
    expect(nullAlbum.tally).toMatchObject({ records: 3, plays: 2, failed: 1, failures: [{ record: 3, reason: 'no artists' }] });
  });

  it('Last.fm JSON (lastfm.ghan.nl): 10 scrobbles with their MusicBrainz ids and empty albums as none', () => {
    const lastfm = fileEnding(walked, 'recenttracks-shoko2-1749776100.json');
    expect(lastfm.tally).toMatchObject({ records: 10, plays: 10, failed: 0, skipped: 0 });
    expect(lastfm.plays[0]).toMatchObject({ artist: 'CHUU', title: "because I'm stupid?", album: null, timestamp: 1749776100, source: 'lastfm' });
    expect(distinct(lastfm.plays.map((play) => play.artist))).toBe(9);
    expect(lastfm.plays.filter((play) => play.album === null)).toHaveLength(5);
    expect(lastfm.plays.filter((play) => play.title === '放課後の記憶')).toEqual([expect.objectContaining({ artist: 'Necry Talkie', album: 'ZOO!!', albumMbid: 'e9e78802-0bf8-4ca3-9655-1d943d2d2fa0', timestamp: 1749774900 })]);
    expect(lastfm.plays.find((play) => play.artistMbid?.startsWith('4b00640f-'))?.artist).toBe('OurR');
  });

  it('ListenBrainz export ZIP: 5 listens read in place from listens/2025/6.jsonl', () => {
    const listens = fileEnding(walked, 'listenbrainz_shoko1_1749780844.zip:listens/2025/6.jsonl');
    expect(listens.tally).toMatchObject({ records: 5, plays: 5, failed: 0 });
    expect(listens.plays.filter((play) => play.mbid === '08e8f55b-f1a4-46b8-b2d1-fab4c592165c')).toEqual([expect.objectContaining({ title: 'Desert', artist: 'OurR', timestamp: 1749780612 })]);
    expect(listens.plays.find((play) => play.albumMbid?.startsWith('ce330d67-'))?.album).toBe('酸欠少女');
    // One credit per listen: "Carly Rae Jepsen feat. Rufus Wainwright" stays one artist name.
    expect(listens.plays.map((play) => play.artist)).toContain('Carly Rae Jepsen feat. Rufus Wainwright');
  });

  it('ListenBrainz ZIP without user.json: 19 listens from 2013, release ids kept where the title is missing', () => {
    const listens = fileEnding(walked, 'listenbrainz_shoko1_123456789.zip:listens/2025/1.jsonl');
    expect(listens.tally).toMatchObject({ records: 19, plays: 19, failed: 0 });
    expect(distinct(listens.plays.map((play) => play.artist))).toBe(17);
    expect(listens.plays.filter((play) => play.album !== null)).toHaveLength(6);
    expect(Math.min(...listens.plays.map((play) => play.timestamp))).toBe(1381565656);
    // Koito asks MusicBrainz for the release's title ("Zombie"); reading a file asks no one, so
    // the listen keeps the mapping's release id for enrichment to name.
    expect(listens.plays.find((play) => play.title === 'Zombie')).toMatchObject({ artist: 'The Cranberries', album: null, albumMbid: '177ebc28-0115-3897-8eb3-ebf74ce23790' });
  });
});

describe('ListenBrainz server importer inputs', () => {
  let walked: Walked;
  beforeAll(async () => {
    walked = await walk([realFixture('listenbrainz-server', 'import')]);
  });

  it('passes over the formats that have no listen source here (Libre.fm, Pano Scrobbler, .scrobbler.log)', () => {
    expect(walked.failed).toEqual([]);
    expect(walked.passedOver.map((event) => event.path.replace(/.*import\//, ''))).toEqual(['librefm.csv', 'panoscrobbler.jsonl', 'scrobbler.log.txt']);
  });

  it('ListenBrainz JSON lines: 2 of 2, 3 of 5, 0 of 3 — the others fail with their reason', () => {
    const listens = fileEnding(walked, 'listenbrainz_listens.jsonl');
    expect(listens.tally).toMatchObject({ records: 2, plays: 2, failed: 0 });
    expect(listens.plays.find((play) => play.timestamp === 1748967954)).toMatchObject({ artist: 'The Mamas & The Papas', title: "California Dreamin'", album: 'If You Can Believe Your Eyes & Ears' });
    expect(fileEnding(walked, 'listenbrainz_mixed_validity.jsonl').tally).toMatchObject({ records: 5, plays: 3, failed: 2, failures: [{ record: 2, reason: 'no artist_name' }, { record: 4, reason: 'no track_name' }] });
    expect(fileEnding(walked, 'listenbrainz_all_invalid.jsonl').tally).toMatchObject({ records: 3, plays: 0, failed: 3 });
  });

  it('Spotify extended and legacy endsong files: 4 + 4 listens, 6 of them inside 2015–2023', () => {
    const audio = fileEnding(walked, 'spotify_streaming_2023.json');
    const endsong = fileEnding(walked, 'spotify_streaming_endsong_0.json');
    expect([audio.tally.plays, endsong.tally.plays]).toEqual([4, 4]);
    const inWindow = [...audio.plays, ...endsong.plays].filter((play) => play.timestamp >= Date.UTC(2015, 0, 1) / 1000 && play.timestamp < Date.UTC(2024, 0, 1) / 1000);
    expect(inWindow).toHaveLength(6);
    // ListenBrainz stamps the stream's END (1679250697) and takes the artist credit from its
    // Spotify metadata cache; we stamp the start (offline_timestamp) with the file's artist.
    expect(audio.plays.find((play) => play.title === 'Monsters (feat. Demi Lovato and blackbear)')).toMatchObject({ artist: 'All Time Low', timestamp: 1679250523 });
  });

  it('Spotify streams with every reason_end: 1 listen, 12 short, 1 incognito, 1 without ms_played', () => {
    // ListenBrainz also keeps a 24 s stream that has no skip reason (2 listens); our 30 s rule has no exception.
    const skipped = fileEnding(walked, 'spotify_skipped_tracks.json');
    expect(skipped.tally).toMatchObject({ records: 15, plays: 1, skipped: 13, skippedBy: { short: 12, incognito: 1 }, failed: 1, failures: [{ record: 14, reason: 'ms_played missing' }] });
    expect(skipped.plays).toEqual([expect.objectContaining({ artist: 'Nubya Garcia', title: 'Fly Free', playedSeconds: 581 })]);
  });

  it('Maloja: 2 of 2 with length and duration; the malformed file’s 3 scrobbles all fail', () => {
    expect(fileEnding(walked, 'import/maloja.json').plays.map((play) => [play.artist, play.title, play.album, play.timestamp, play.durationSeconds, play.playedSeconds, play.client])).toEqual([
      ['Alabaster Deplume', 'Not Now, Jesus', 'To Cy & Lee: Instrumentals Vol. 1', 1760532613, 220, null, 'turntable'],
      ['Vega Trails', 'Old Friend; The Sea', 'Sierra Tracks', 1760532855, null, 245, 'turntable'],
    ]);
    expect(fileEnding(walked, 'maloja_malformed.json').tally).toMatchObject({ records: 3, plays: 0, failed: 3 });
  });
});
