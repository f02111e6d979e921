// Covers for the year-in-review page through the real HttpClient against a local picture
// host: redirects followed, anything that is not a small picture refused, and a host that
// stalls costing at most the deadline — the other covers still arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherCovers, pageCovers, type CoverSource } from '../../src/core/wrapped/cover-fetch.js';
import { CoverDownloader } from '../../src/integrations/covers/downloader.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { coverPng, startFakeCoverHost, type FakeCoverHost } from '../fakes/covers/index.js';
import { emptyReport, stretchedReport } from '../support/wrapped-reports.js';

let host: FakeCoverHost;
let http: HttpClient;
let covers: CoverDownloader;

beforeAll(async () => {
  host = await startFakeCoverHost();
  // Retries on: the downloader must still make one try only.
  http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 20_000, retries: 5, retryBaseMs: 5 });
  covers = new CoverDownloader(http);
});

afterAll(async () => {
  await http.close();
  await host.close();
});

describe('a cover downloaded for the page', () => {
  it('is the picture, after a redirect as the Cover Art Archive answers', async () => {
    const cover = await covers.download(`${host.url}/redirect/night-and-day.png`);
    expect(cover.mime).toBe('image/png');
    expect(Buffer.from(cover.bytes)).toEqual(coverPng('night-and-day'));
    expect(host.requests.count('/redirect/night-and-day.png')).toBe(1);
    expect(host.requests.count('/img/night-and-day.png')).toBe(1);
  });

  it('is refused when too large, not a picture, missing, or not http — with one request each', async () => {
    host.requests.reset();
    await expect(covers.download(`${host.url}/huge.jpg`)).rejects.toThrow(/more than 400000 bytes/);
    await expect(covers.download(`${host.url}/not-a-picture.jpg`)).rejects.toThrow(/not a picture/);
    await expect(covers.download(`${host.url}/missing.png`)).rejects.toThrow(/404/);
    await expect(covers.download('file:///etc/passwd')).rejects.toThrow(/http or https/);
    expect(host.requests.byPath()).toEqual({ '/huge.jpg': 1, '/not-a-picture.jpg': 1, '/missing.png': 1 });
  });

  it('gives up on a host that does not answer after its own short timeout, without a retry', async () => {
    host.requests.reset();
    const started = Date.now();
    await expect(covers.download(`${host.url}/slow/stuck.png`)).rejects.toThrow(/did not answer within 5 s/);
    expect(Date.now() - started).toBeLessThan(9000);
    expect(host.requests.count('/slow/stuck.png')).toBe(1);
  }, 20_000);
});

describe('the covers of a page', () => {
  it('are the albums shown with a cover URL, each once, in page order', () => {
    const report = stretchedReport();
    const withUrls = {
      ...report,
      albumOfTheYear: { ...report.albumOfTheYear!, albumId: 3, coverUrl: 'https://covers.example/3.jpg' },
      topAlbums: report.topAlbums.map((album, i) => ({ ...album, coverUrl: i % 2 ? null : `https://covers.example/${album.albumId}.jpg` })),
      collection: { ...report.collection, mostPlayed: { ...report.collection.mostPlayed!, albumId: 42, coverUrl: 'https://covers.example/42.jpg' } },
    };
    expect(pageCovers(withUrls).map((cover) => cover.albumId)).toEqual([3, 1, 5, 7, 9, 42]);
    expect(pageCovers(emptyReport(2019))).toEqual([]);
  });

  it('arrive a few at a time; the ones not there by the deadline are left out', async () => {
    host.requests.reset();
    const source: CoverSource = { cover: async (album, signal) => (await covers.download(album.coverUrl, signal)).bytes };
    const wanted = [
      { albumId: 1, coverUrl: `${host.url}/img/one.png` },
      { albumId: 2, coverUrl: `${host.url}/slow/two.png` },
      { albumId: 3, coverUrl: `${host.url}/redirect/three.png` },
      { albumId: 4, coverUrl: `${host.url}/huge.jpg` },
      { albumId: 5, coverUrl: `${host.url}/img/five.png` },
    ];
    const progress: number[] = [];
    const started = Date.now();
    const got = await gatherCovers(wanted, source, { deadlineMs: 1500, concurrency: 2, onProgress: (done) => progress.push(done) });
    const took = Date.now() - started;
    expect([...got.keys()].sort()).toEqual([1, 3, 5]);
    expect(Buffer.from(got.get(3)!)).toEqual(coverPng('three'));
    // The stalled host held one of the two slots; the deadline ended the wait, not the 5 s timeout.
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(4000);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(await gatherCovers([], source)).toEqual(new Map());
  }, 20_000);

  it('lose only their own picture when the source fails', async () => {
    const flaky: CoverSource = {
      cover: async (album) => {
        if (album.albumId === 2) throw new Error('the daemon went away');
        return coverPng(String(album.albumId));
      },
    };
    const got = await gatherCovers([1, 2, 3].map((albumId) => ({ albumId, coverUrl: 'x' })), flaky);
    expect([...got.keys()]).toEqual([1, 3]);
  });
});
