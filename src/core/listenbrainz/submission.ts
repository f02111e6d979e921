import { UserError, errorMessage } from '../errors.js';
import { MAX_LISTEN_SIZE, MAX_LISTENS_PER_REQUEST, MAX_PAYLOAD_SIZE } from './limits.js';
import { checkListen, type ListenType, type SubmittedListen } from './listen-rules.js';

export interface Submission {
  readonly type: ListenType;
  readonly listens: readonly SubmittedListen[];
}

const LISTEN_TYPES: readonly string[] = ['single', 'playing_now', 'import'] satisfies ListenType[];
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A submit-listens body, checked whole before anything is stored: the request is refused
 * (UserError, with the real server's message) at the first problem in any of its listens,
 * so a refused request stores nothing. Checks run in the server's order, because a client
 * that sends two faults sees the first one the server would name.
 */
export function readSubmission(body: Uint8Array, nowSeconds: number): Submission {
  if (body.byteLength > MAX_PAYLOAD_SIZE) throw new UserError(`Payload too large. Payload cannot exceed ${MAX_PAYLOAD_SIZE} bytes`);
  let document: unknown;
  try {
    document = JSON.parse(UTF8.decode(body));
  } catch (error) {
    throw new UserError(`Cannot parse JSON document: ${errorMessage(error)}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new UserError('Invalid JSON document submitted. Top level of JSON document should be a json object.');
  }
  const fields = document as Record<string, unknown>;
  if (!('payload' in fields)) throw new UserError('Invalid JSON document submitted.');
  const payload = fields['payload'];
  if (!Array.isArray(payload)) throw new UserError('The payload in the JSON document should be a list of listens.');
  if (payload.length === 0) throw new UserError('JSON document does not contain any listens');
  if (payload.length > MAX_LISTENS_PER_REQUEST) throw new UserError(`Too many listens. You may not submit more than ${MAX_LISTENS_PER_REQUEST} listens at once.`);
  if (body.byteLength > payload.length * MAX_LISTEN_SIZE) throw new UserError(`JSON document is too large. Each listens may not be larger than ${MAX_LISTEN_SIZE} bytes.`);
  if (!('listen_type' in fields)) throw new UserError('Invalid JSON document submitted.');
  const type = fields['listen_type'];
  if (typeof type !== 'string' || !LISTEN_TYPES.includes(type)) throw new UserError('JSON document requires a valid listen_type key.');
  if (type !== 'import' && payload.length > 1) throw new UserError('JSON document contains more than listen for a single/playing_now. It should contain only one.');
  const listenType = type as ListenType;
  return { type: listenType, listens: payload.map((listen) => checkListen(listen, listenType, nowSeconds)) };
}
