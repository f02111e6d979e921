// Which export a file is, from its content first and its name second; never a guess.
import { describe, expect, it } from 'vitest';
import { detectExport } from '../../src/core/imports/detect.js';

const SPOTIFY = '[\n  {\n    "ts": "2024-03-10T20:03:20Z",\n    "ms_played": 200000,\n    "master_metadata_track_name": "Heroes"';
const ACCOUNT = '[{"endTime":"2025-04-12 13:50","artistName":"Björk","trackName":"Jóga","msPlayed":305000}]';
const PODCASTS = '[{"endTime":"2025-04-12 13:50","podcastName":"A Show","episodeName":"Episode 1","msPlayed":305000}]';
const LISTENS = '{"inserted_at": 1749780613.9, "listened_at": 1749780612, "track_metadata": {"track_name": "Desert"';
const MALOJA = '{"maloja": {"export_time": 1748738994}, "scrobbles": [{"time": 1746434410, "track": {"artists": ["A"]';
const MALOJA_API = '{"status": "ok", "list": [{"time": 1746434410, "track": {"artists": ["A"]';
const GHAN_JSON = '[{"track":[{"artist":{"mbid":"","#text":"CHUU"},"name":"x","date":{"uts":"1749776100"}}]}]';
const GHAN_CSV = 'uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\r\n"1749776100","13 Jun 2025, 00:55","CHUU","","","","x",""';
const OLD_CSV = '"Radiohead","OK Computer","Airbag","31 Jan 2021 14:05"\n';

const format = (path: string, head: string, options = {}): string => {
  const detection = detectExport(path, head, options);
  return detection.kind === 'export' ? detection.format : `other: ${detection.reason}`;
};

describe('export detection', () => {
  it('recognises every format by its content, whatever the file is called', () => {
    expect([SPOTIFY, ACCOUNT, LISTENS, `[${LISTENS}}}]`, MALOJA, MALOJA_API, GHAN_JSON, GHAN_CSV, OLD_CSV].map((head) => format('download (1).json', head))).toEqual([
      'spotify', 'spotify-account', 'listenbrainz', 'listenbrainz', 'maloja', 'maloja', 'lastfm-json', 'lastfm-csv', 'lastfm-csv',
    ]);
  });

  it('sees through a byte-order mark and leading blank lines', () => {
    expect(format('x.csv', `\uFEFF${GHAN_CSV}`)).toBe('lastfm-csv');
    expect(format('x.json', `\uFEFF\n\n${SPOTIFY}`)).toBe('spotify');
  });

  it('falls back on the name when the content says little (an empty history)', () => {
    expect(format('Streaming_History_Audio_2023_4.json', '[]')).toBe('spotify');
    expect(format('Spotify Extended Streaming History/endsong_3.json', '[]')).toBe('spotify');
    expect(format('StreamingHistory_music_0.json', '[]')).toBe('spotify-account');
    expect(format('StreamingHistory2.json', '[]')).toBe('spotify-account');
    expect(format('listens/2024/11.jsonl', '')).toBe('listenbrainz');
    expect(format('rob_lb-2020-05-01.json', '[]')).toBe('listenbrainz');
    expect(format('recenttracks-rob-1749776100.csv', '')).toBe('lastfm-csv');
    expect(format('maloja_export_1748738994.json', '{}')).toBe('maloja');
  });

  it('passes over the files that come with exports and hold no music listens', () => {
    expect(format('Streaming_History_Video_2019-2024.json', SPOTIFY)).toBe('other: Spotify video history (not music)');
    expect(format('MyData/StreamingHistory_podcast_0.json', PODCASTS)).toBe('other: Spotify podcast history (not music)');
    expect(format('StreamingHistory0.json', PODCASTS)).toBe('other: Spotify podcast history (not music)');
    expect(format('user.json', '{"user_id":46008,"username":"shoko1"}')).toBe('other: ListenBrainz account data (not listens)');
    expect(format('feedback.jsonl', '')).toBe('other: ListenBrainz account data (not listens)');
    expect(format('__MACOSX/Spotify/._Streaming_History_Audio_2020.json', '')).toBe('other: macOS archive metadata');
    expect(format('Spotify/.DS_Store', '', { inFolder: true })).toBe('other: hidden file');
  });

  it('reports what it cannot recognise instead of guessing', () => {
    expect(format('Userdata.json', '{"username":"x","email":"y"}')).toBe('other: not a listening export: JSON of no known export shape');
    expect(format('notes.txt', 'Dear diary')).toBe('other: not a listening export: neither JSON nor a known CSV');
    expect(format('empty.json', '')).toBe('other: not a listening export: the file is empty');
    expect(format('.scrobbler.log', '#AUDIOSCROBBLER/1.1\n#TZ/UNKNOWN')).toMatch(/scrobbler\.log/);
  });

  it('reads every file as the --format given, except companions and, in folders, files of another kind', () => {
    expect(format('renamed.txt', 'whatever', { explicit: 'maloja' })).toBe('maloja');
    expect(format('export/ReadMeFirst.pdf', '%PDF', { explicit: 'spotify', inFolder: true })).toBe('other: not a spotify file');
    expect(format('export/history.csv', '', { explicit: 'lastfm-csv', inFolder: true })).toBe('lastfm-csv');
    expect(format('Streaming_History_Video_2020.json', SPOTIFY, { explicit: 'spotify' })).toBe('other: Spotify video history (not music)');
  });
});
