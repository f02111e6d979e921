// One error map (rpc/errors.ts): every kind the daemon raises arrives in the CLI as the same
// kind, and so ends the CLI with the exit code of that kind.
import { describe, expect, it } from 'vitest';
import { AuthError, NotFoundError, RetryLaterError, UnrecoverableError, UserError, type AimeError } from '../../src/core/errors.js';
import { toRpcError } from '../../src/daemon/rpc-errors.js';
import { fromRpcError } from '../../src/cli/client.js';
import { exitCodeFor } from '../../src/cli/exit.js';
import { RpcErrorCode } from '../../src/rpc/protocol.js';

const CASES: [AimeError, number, number][] = [
  [new UserError('bad date'), RpcErrorCode.UserError, 2],
  [new NotFoundError('no album #7'), RpcErrorCode.NotFound, 2],
  [new AuthError('key revoked'), RpcErrorCode.AuthError, 1],
  [new RetryLaterError('Last.fm is down'), RpcErrorCode.RetryLater, 1],
  [new UnrecoverableError('corrupt reply'), RpcErrorCode.Unrecoverable, 1],
];

describe('errors crossing the socket', () => {
  it.each(CASES)('%s keeps its kind, code and exit code', (error, code, exit) => {
    const sent = toRpcError(error);
    expect(sent.code).toBe(code);
    const received = fromRpcError(JSON.parse(JSON.stringify(sent)));
    expect(received.kind).toBe(error.kind);
    expect(received.message).toBe(error.message);
    expect(exitCodeFor(received)).toBe(exit);
  });

  it('sends bad params as -32602 and they still end the CLI with 2', () => {
    const sent = toRpcError(new UserError('invalid params: limit must be at least 1', { detail: { invalidParams: true, param: 'limit' } }));
    expect(sent.code).toBe(RpcErrorCode.InvalidParams);
    const received = fromRpcError(sent);
    expect(received.kind).toBe('user');
    expect(received.detail).toMatchObject({ param: 'limit' });
    expect(exitCodeFor(received)).toBe(2);
  });

  it('treats a crash in the daemon as internal: exit 1, never bad usage', () => {
    const sent = toRpcError(new TypeError('x is undefined'));
    expect(sent).toMatchObject({ code: RpcErrorCode.InternalError, data: { kind: 'internal' } });
    expect(exitCodeFor(fromRpcError(sent))).toBe(1);
  });
});
