/** `token.*`: the tokens other players present to the HTTP listener (`aime token …`). */
export interface TokenDto {
  readonly id: number;
  readonly name: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  /** ISO 8601, UTC; null until a player first uses it (noted at most once a minute). */
  readonly lastUsedAt: string | null;
}

export interface CreatedTokenDto extends TokenDto {
  /** The token itself: in this answer only; the daemon keeps its SHA-256 digest. */
  readonly token: string;
}

export interface TokenMethods {
  /** `name` defaults to the first free "token-N". */
  'token.create': { params: { name?: string }; result: CreatedTokenDto };
  /** Oldest first. */
  'token.list': { params: Record<string, never>; result: { tokens: TokenDto[] } };
  /** `token`: the id or the name; an unknown one is a NotFoundError. */
  'token.remove': { params: { token: string }; result: TokenDto };
}
