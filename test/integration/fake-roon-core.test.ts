// The fake Roon Core against the REAL @roonlabs/node-roon-api 1.2.3: pairing with approval and
// token reuse, status and pings, zones and control, browse and play, images, reconnection.
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRoonCore, type FakeRoonCore, type Zone, type ZonesChanged } from '../fakes/roon-core/index.js';
import {
  createTestExtension,
  request,
  until,
  type PersistedRoonState,
  type RoonCore,
  type TestExtension,
} from '../fakes/roon-core/test-extension.js';

const TRANSPORT = 'com.roonlabs.transport:2';
const BROWSE = 'com.roonlabs.browse:1';

let fake: FakeRoonCore | undefined;
const extensions: TestExtension[] = [];

afterEach(async () => {
  for (const extension of extensions.splice(0)) extension.close();
  await fake?.stop();
  fake = undefined;
});

async function pairedExtension(core: FakeRoonCore, state = { value: {} as PersistedRoonState }): Promise<{ ext: TestExtension; roon: RoonCore }> {
  const ext = await createTestExtension(state);
  extensions.push(ext);
  ext.connect(core.host, core.port);
  return { ext, roon: await ext.paired() };
}

/** subscribe_zones by hand (the official transport helper is not on npm); collects every reply. */
function subscribeZones(roon: RoonCore): Array<{ name: string; body: unknown }> {
  const replies: Array<{ name: string; body: unknown }> = [];
  roon.moo.send_request(`${TRANSPORT}/subscribe_zones`, { subscription_key: 0 }, (msg, body) => {
    replies.push({ name: msg ? msg.name : 'NetworkError', body });
  });
  return replies;
}

function changes(replies: Array<{ name: string; body: unknown }>): ZonesChanged[] {
  return replies.filter((r) => r.name === 'Changed').map((r) => r.body as ZonesChanged);
}

async function browse(roon: RoonCore, body: Record<string, unknown>): Promise<{ items: Array<{ title: string; item_key: string; hint: string | null }>; list: { title: string; level: number } }> {
  const browsed = await request(roon, `${BROWSE}/browse`, { hierarchy: 'browse', ...body });
  expect(browsed.name).toBe('Success');
  const loaded = await request(roon, `${BROWSE}/load`, { hierarchy: body['hierarchy'] ?? 'browse', multi_session_key: body['multi_session_key'], offset: 0, count: 100 });
  return loaded.body as { items: Array<{ title: string; item_key: string; hint: string | null }>; list: { title: string; level: number } };
}

function keyOf(page: { items: Array<{ title: string; item_key: string }> }, title: string): string {
  const item = page.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item "${title}" in ${page.items.map((i) => i.title).join(', ')}`);
  return item.item_key;
}

describe('fake Roon Core with the real node-roon-api', () => {
  it('holds registration until Enable, records status and pairing, answers pings, reuses the token', async () => {
    fake = await startFakeRoonCore({ approval: 'held', pingIntervalMs: 100 });
    const state = { value: {} as PersistedRoonState };
    const first = await createTestExtension(state);
    extensions.push(first);
    const awaiting = once(fake, 'awaiting-approval');
    first.connect(fake.host, fake.port);
    await awaiting;
    expect(fake.awaitingApproval).toEqual(['com.aime.test']);
    expect(first.events).toEqual([]);

    expect(fake.approve()).toBe(1);
    const roon = await first.paired();
    expect(roon.core_id).toBe(fake.coreId);
    expect(Object.keys(roon.services).sort()).toEqual(['BrowseService', 'ImageService', 'TransportService']);
    const token = state.value.tokens?.[fake.coreId];
    expect(token).toBeDefined();
    expect(fake.tokens.get(token ?? '')).toBe('com.aime.test');

    first.setStatus('Connected to Fake Core');
    first.setStatus('Roon tracker stopped', true);
    await until(() => fake?.statusMessages.length === 3);
    expect(fake.statusMessages.map((s) => [s.message, s.is_error])).toEqual([
      ['Starting', false],
      ['Connected to Fake Core', false],
      ['Roon tracker stopped', true],
    ]);
    await until(() => fake?.pairings.some((p) => p.paired_core_id === fake?.coreId));
    await until(() => (fake?.pings.answered ?? 0) > 0);
    expect(await fake.pingExtensions()).toEqual([true]);

    first.close();
    await until(() => fake?.connections.length === 0);

    // A restarted extension (new instance, same stored state) registers with its token at once.
    const second = await createTestExtension(state);
    extensions.push(second);
    const registration = fake.waitForRequest('register');
    second.connect(fake.host, fake.port);
    expect((await registration).body).toMatchObject({ extension_id: 'com.aime.test', token });
    await second.paired();
    expect(fake.awaitingApproval).toEqual([]);
  });

  it('streams zones, and control, seek, volume and settings change them', async () => {
    fake = await startFakeRoonCore({ pingIntervalMs: 0 });
    const { roon } = await pairedExtension(fake);
    const replies = subscribeZones(roon);
    await until(() => replies.length > 0);
    expect(replies[0]?.name).toBe('Subscribed');
    const zones = (replies[0]?.body as { zones: Zone[] }).zones;
    expect(zones.map((z) => z.display_name)).toEqual(['Living Room', 'Kitchen', 'Study + Bedroom', 'Network Streamer']);
    expect(zones[2]?.outputs).toHaveLength(2);
    expect(zones[3]?.outputs[0]?.volume).toBeUndefined();
    const living = zones[0];
    expect(living).toMatchObject({
      zone_id: '1601living',
      state: 'paused',
      is_play_allowed: true,
      settings: { loop: 'disabled', shuffle: false, auto_radio: false },
      now_playing: {
        seek_position: 0,
        length: 259,
        one_line: { line1: 'Come Together - The Beatles' },
        three_line: { line1: 'Come Together', line2: 'The Beatles', line3: 'Abbey Road' },
      },
      queue_items_remaining: 4,
      queue_time_remaining: 259 + 182 + 185 + 23,
    });

    expect((await request(roon, `${TRANSPORT}/control`, { zone_or_output_id: '1601living', control: 'playpause' })).name).toBe('Success');
    await until(() => changes(replies).some((c) => c.zones_changed?.[0]?.state === 'playing'));

    fake.advance('1601living', 10);
    await until(() => changes(replies).some((c) => c.zones_seek_changed?.[0]?.seek_position === 10));
    fake.advance('1601living', 250);
    await until(() => changes(replies).some((c) => c.zones_changed?.[0]?.now_playing?.three_line.line1 === 'Something'));
    expect(fake.zone('1601living')?.now_playing?.seek_position).toBe(1);

    await request(roon, `${TRANSPORT}/seek`, { zone_or_output_id: '1601living', how: 'relative', seconds: 30 });
    await until(() => changes(replies).some((c) => c.zones_seek_changed?.[0]?.seek_position === 31));

    await request(roon, `${TRANSPORT}/change_volume`, { output_id: '1701bedroom', how: 'relative_step', value: 100 });
    const bedroom = await until(() => changes(replies).flatMap((c) => c.zones_changed ?? []).find((z) => z.zone_id === '1601study'));
    expect(bedroom.outputs[1]?.volume?.value).toBe(60); // clamped to the soft limit
    const wrong = await request(roon, `${TRANSPORT}/change_volume`, { zone_or_output_id: '1601living', how: 'absolute', value: 10 });
    expect(wrong).toEqual({ name: 'InvalidRequest', body: { message: 'JSON: missing required string field: output_id' } });
    expect((await request(roon, `${TRANSPORT}/change_volume`, { output_id: '1701streamer', how: 'absolute', value: 10 })).name).toBe('InvalidRequest');

    await request(roon, `${TRANSPORT}/change_settings`, { zone_or_output_id: '1701living', loop: 'next', shuffle: true });
    await request(roon, `${TRANSPORT}/mute`, { output_id: '1701living', how: 'mute' });
    const got = (await request(roon, `${TRANSPORT}/get_zones`)).body as { zones: Zone[] };
    expect(got.zones[0]?.settings).toEqual({ loop: 'loop', shuffle: true, auto_radio: false });
    expect(got.zones[0]?.outputs[0]?.volume?.is_muted).toBe(true);

    await request(roon, `${TRANSPORT}/standby`, { output_id: '1701living' });
    expect(fake.zone('1601living')).toMatchObject({ state: 'paused', outputs: [{ source_controls: [{ status: 'standby' }] }] });

    fake.addZone({ outputs: [{ output_id: '1701garden', display_name: 'Garden' }] });
    fake.removeZone('1601kitchen');
    await until(() => changes(replies).some((c) => c.zones_removed?.[0] === '1601kitchen'));
    expect(changes(replies).some((c) => c.zones_added?.[0]?.display_name === 'Garden')).toBe(true);

    expect((await request(roon, `${TRANSPORT}/no_such_method`, {})).name).toBe('InvalidRequest');
  });

  it('streams outputs, unsubscribes, plays radio; a malformed frame closes the extension', async () => {
    fake = await startFakeRoonCore({ pingIntervalMs: 0 });
    const { ext, roon } = await pairedExtension(fake);
    const outputs: Array<{ name: string; body: unknown }> = [];
    roon.moo.send_request(`${TRANSPORT}/subscribe_outputs`, { subscription_key: 1 }, (msg, body) => outputs.push({ name: msg?.name ?? 'NetworkError', body }));
    await until(() => outputs.length > 0);
    expect((outputs[0]?.body as { outputs: unknown[] }).outputs).toHaveLength(5);
    fake.setVolume('1701kitchen', 42.4);
    await until(() => outputs.some((o) => o.name === 'Changed'));
    expect(outputs[1]?.body).toMatchObject({ outputs_changed: [{ output_id: '1701kitchen', volume: { value: 42 } }] });
    const unsubscribed = await request(roon, `${TRANSPORT}/unsubscribe_outputs`, { subscription_key: 1 });
    expect(unsubscribed.name).toBe('Success');
    expect(outputs.at(-1)?.name).toBe('Unsubscribed');

    fake.setRadio('1601kitchen', 'FIP', { title: 'Blue in Green', artist: 'Miles Davis' });
    fake.advance('1601kitchen', 5000);
    expect(fake.zone('1601kitchen')).toMatchObject({
      state: 'playing',
      is_seek_allowed: false,
      is_next_allowed: false,
      now_playing: { seek_position: 5000, three_line: { line1: 'Blue in Green', line2: 'Miles Davis', line3: 'FIP' } },
    });
    expect(fake.zone('1601kitchen')?.now_playing?.length).toBeUndefined();

    fake.sendRaw('MOO/1 COMPLETE Success\nRequest-Id: 0\n\n', { binary: false });
    await until(() => ext.events.includes('close'));
  });

  it('browses the library and plays: Play Now replaces the queue, Queue appends, old keys expire', async () => {
    fake = await startFakeRoonCore({ pingIntervalMs: 0 });
    const { roon } = await pairedExtension(fake);
    const root = await browse(roon, { pop_all: true });
    expect(root.list).toMatchObject({ title: 'Explore', level: 0 });
    const library = await browse(roon, { item_key: keyOf(root, 'Library') });
    const artists = await browse(roon, { item_key: keyOf(library, 'Artists') });
    expect(artists.items.map((i) => i.title)).toEqual(['Amy Winehouse', 'The Beatles', 'Björk', 'Miles Davis', 'Sigur Rós', 'Simon & Garfunkel']);
    const bjork = await browse(roon, { item_key: keyOf(artists, 'Björk') });
    const album = await browse(roon, { item_key: keyOf(bjork, 'Homogenic') });
    expect(album.items.map((i) => [i.title, i.hint])).toEqual([
      ['Play Album', 'action_list'],
      ['1. Hunter', 'action_list'],
      ['2. Jóga', 'action_list'],
      ['3. Bachelorette', 'action_list'],
    ]);
    const actions = await browse(roon, { item_key: keyOf(album, 'Play Album') });
    expect(actions.items.map((i) => i.title)).toEqual(['Play Now', 'Add Next', 'Queue', 'Start Radio']);

    const noZone = await request(roon, `${BROWSE}/browse`, { hierarchy: 'browse', item_key: keyOf(actions, 'Play Now') });
    expect(noZone.body).toEqual({ action: 'message', is_error: true, message: 'Zone is not configured' });
    const played = await request(roon, `${BROWSE}/browse`, { hierarchy: 'browse', item_key: keyOf(actions, 'Play Now'), zone_or_output_id: '1601kitchen' });
    expect(played.body).toEqual({ action: 'none' });
    expect(fake.zone('1601kitchen')).toMatchObject({ state: 'playing', queue_items_remaining: 3, now_playing: { three_line: { line1: 'Hunter', line2: 'Björk', line3: 'Homogenic' } } });

    // Search in its own session, then queue the deluxe album behind Björk.
    const found = await browse(roon, { hierarchy: 'search', input: 'back to black', pop_all: true, multi_session_key: 'search' });
    expect(found.items.map((i) => i.title)).toEqual(['Albums', 'Tracks']);
    const albums = await browse(roon, { hierarchy: 'search', item_key: keyOf(found, 'Albums'), multi_session_key: 'search' });
    const deluxe = await browse(roon, { hierarchy: 'search', item_key: keyOf(albums, 'Back to Black (Deluxe Edition)'), multi_session_key: 'search' });
    const deluxeActions = await browse(roon, { hierarchy: 'search', item_key: keyOf(deluxe, 'Play Album'), multi_session_key: 'search' });
    await request(roon, `${BROWSE}/browse`, { hierarchy: 'search', multi_session_key: 'search', item_key: keyOf(deluxeActions, 'Queue'), zone_or_output_id: '1701kitchen' });
    expect(fake.zone('1601kitchen')).toMatchObject({ queue_items_remaining: 6, now_playing: { three_line: { line1: 'Hunter' } } });

    // The library session kept its place; popping a level kills the keys of the level left.
    const back = await request(roon, `${BROWSE}/browse`, { hierarchy: 'browse', pop_levels: 1 });
    expect(back.body).toMatchObject({ action: 'list', list: { title: 'Homogenic', level: 4 } });
    const stale = await request(roon, `${BROWSE}/browse`, { hierarchy: 'browse', item_key: keyOf(actions, 'Queue'), zone_or_output_id: '1601kitchen' });
    expect(stale.name).toBe('InvalidItemKey');
  });

  it('serves images with a content type', async () => {
    fake = await startFakeRoonCore({ pingIntervalMs: 0 });
    const { roon } = await pairedExtension(fake);
    const imageKey = fake.zone('1601living')?.now_playing?.image_key ?? '';
    const reply = await new Promise<{ type: string | undefined; bytes: unknown }>((resolve) => {
      roon.moo.send_request('com.roonlabs.image:1/get_image', { image_key: imageKey, scale: 'fit', width: 64, height: 48 }, (msg, body) =>
        resolve({ type: msg?.content_type, bytes: body }),
      );
    });
    expect(reply.type).toBe('image/png');
    expect(Buffer.isBuffer(reply.bytes)).toBe(true);
    const png = reply.bytes as Buffer;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([48, 48]);
    const http = await fetch(`http://${fake.host}:${fake.port}/api/image/${imageKey}?scale=fill&width=10&height=20`);
    expect(http.headers.get('content-type')).toBe('image/png');
    expect((await request(roon, 'com.roonlabs.image:1/get_image', { image_key: 'nope' })).name).toBe('NotFound');
  });

  it('the extension sees a lost Core on dropConnections and pairs again; refused while the Core is away', async () => {
    fake = await startFakeRoonCore({ pingIntervalMs: 0 });
    const state = { value: {} as PersistedRoonState };
    const { ext, roon } = await pairedExtension(fake, state);
    const replies = subscribeZones(roon);
    await until(() => replies.length > 0);

    fake.dropConnections();
    await until(() => ext.events.includes('close'));
    expect(ext.events).toEqual(['paired', 'unpaired', 'close']);
    expect(replies.at(-1)?.name).toBe('NetworkError');

    ext.connect(fake.host, fake.port);
    const again = await until(() => ext.core);
    expect(again).not.toBe(roon);
    expect((await request(again, `${TRANSPORT}/get_zones`)).name).toBe('Success');
    expect([...fake.tokens.keys()]).toEqual([state.value.tokens?.[fake.coreId]]);

    const reopened = fake.refuseConnectionsFor(300);
    await until(() => ext.events.filter((e) => e === 'close').length === 2);
    ext.connect(fake.host, fake.port);
    await until(() => ext.events.at(-1) === 'error'); // never opened: only onerror fires
    await reopened;
    ext.connect(fake.host, fake.port);
    await until(() => ext.events.filter((e) => e === 'paired').length === 3);
  });
});
