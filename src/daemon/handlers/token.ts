import type { CreatedToken } from '../../core/listenbrainz/tokens.js';
import type { ApiTokenRecord } from '../../core/listenbrainz/ports.js';
import type { TokenDto } from '../../rpc/methods/token.js';
import { filledText, optional, text } from './params.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** What `token.*` asks of the tokens (core/listenbrainz/tokens.ts ApiTokens). */
export interface TokenKeeper {
  create(name?: string): CreatedToken;
  list(): ApiTokenRecord[];
  /** By id or name; NotFoundError when there is none. */
  remove(reference: string): ApiTokenRecord;
}

export function tokenHandlers(deps: { tokens: TokenKeeper }) {
  return handlerTable<'token.create' | 'token.list' | 'token.remove'>({
    'token.create': {
      params: { name: optional(text()) },
      run: async ({ name }) => {
        const { token, record } = deps.tokens.create(name);
        return { ...tokenDto(record), token };
      },
    },
    'token.list': { params: NO_PARAMS, run: async () => ({ tokens: deps.tokens.list().map(tokenDto) }) },
    'token.remove': { params: { token: filledText() }, run: async ({ token }) => tokenDto(deps.tokens.remove(token)) },
  });
}

function tokenDto(record: ApiTokenRecord): TokenDto {
  return {
    id: record.id,
    name: record.name,
    createdAt: new Date(record.createdAt * 1000).toISOString(),
    lastUsedAt: record.lastUsedAt === null ? null : new Date(record.lastUsedAt * 1000).toISOString(),
  };
}
