// Requests to the Core never wait forever (node-roon-api has no timeouts, roon-api.md §0.9),
// and Roon's status words become AIME's error kinds.
import type { Core, MooCallback } from '@roonlabs/node-roon-api';
import { describe, expect, it } from 'vitest';
import { NotFoundError, RetryLaterError, UserError } from '../../src/core/errors.js';
import { PairedCore } from '../../src/integrations/roon/paired-core.js';

/** The shape node-roon-api hands over as a Core; its replies are released by the test. */
function silentCore(): { core: Core; pending: MooCallback[] } {
  const pending: MooCallback[] = [];
  const send = (...args: unknown[]) => pending.push(args[args.length - 1] as MooCallback);
  const core = {
    core_id: 'c1',
    display_name: 'Quiet Core',
    display_version: '2.70',
    registration: {},
    moo: { send_request: send, transport: { close: () => undefined } },
  } as unknown as Core;
  return { core, pending };
}

describe('Roon requests', () => {
  it('time out when the Core does not answer, and ignore a late reply', async () => {
    const { core, pending } = silentCore();
    const request = new PairedCore(core, 50).request('com.roonlabs.transport:2/control', { control: 'play' });
    await expect(request).rejects.toThrow(RetryLaterError);
    await expect(request).rejects.toThrow('the Roon Core did not answer control within 0.05 s');
    expect(() => pending[0]?.({ verb: 'COMPLETE', name: 'Success', request_id: '1' }, undefined)).not.toThrow();
  });

  it('classify a lost connection, refusals and unknown items', async () => {
    const { core, pending } = silentCore();
    const paired = new PairedCore(core, 5000);
    const lost = paired.request('com.roonlabs.transport:2/seek', {});
    const refused = paired.request('com.roonlabs.transport:2/seek', {});
    const missing = paired.request('com.roonlabs.browse:1/browse', {});
    const fine = paired.request('com.roonlabs.transport:2/control', {});
    pending[0]?.(undefined, undefined);
    pending[1]?.({ verb: 'COMPLETE', name: 'InvalidRequest', request_id: '1' }, { message: 'seek is not allowed now' });
    pending[2]?.({ verb: 'COMPLETE', name: 'ZoneNotFound', request_id: '2' }, undefined);
    pending[3]?.({ verb: 'COMPLETE', name: 'Success', request_id: '3' }, { ok: 1 });
    await expect(lost).rejects.toThrow(/lost the connection to the Roon Core during seek/);
    await expect(refused).rejects.toThrow(UserError);
    await expect(refused).rejects.toThrow('Roon refused seek: InvalidRequest (seek is not allowed now)');
    await expect(missing).rejects.toThrow(NotFoundError);
    await expect(fine).resolves.toMatchObject({ name: 'Success', body: { ok: 1 } });
  });
});
