import { issueToken, tokenVerifier, verifyToken } from './token';

const NOW = Date.parse('2026-11-16T02:00:00.000Z');

describe('the remembering token verifier', () => {
  it('answers what a full verification answers, for valid, forged and foreign tokens', () => {
    const verify = tokenVerifier('secret');
    const token = issueToken('res-1', 'secret', NOW);
    const forged = `${token.split('.')[0]}.AAAA`;
    const foreign = issueToken('res-1', 'other secret', NOW);
    for (const t of [token, token, forged, foreign]) expect(verify(t, NOW)).toEqual(verifyToken(t, 'secret', NOW));
    expect(verify(token, NOW)?.sub).toBe('res-1');
  });

  it('still refuses a remembered token once it has expired', () => {
    const verify = tokenVerifier('secret');
    const token = issueToken('res-1', 'secret', NOW, 60);
    expect(verify(token, NOW)?.sub).toBe('res-1');
    expect(verify(token, NOW + 61_000)).toBeNull();
  });

  it('keeps at most its capacity of tokens and keeps answering correctly past it', () => {
    const verify = tokenVerifier('secret', 2);
    const tokens = ['a', 'b', 'c'].map((sub) => issueToken(sub, 'secret', NOW));
    expect(tokens.map((t) => verify(t, NOW)?.sub)).toEqual(['a', 'b', 'c']);
    expect(tokens.map((t) => verify(t, NOW)?.sub)).toEqual(['a', 'b', 'c']);
  });
});
