import { newCode, newId } from './ids';

describe('ids and slip codes', () => {
  it('make ids that sort in the order they were made, with their prefix', () => {
    const times = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-06-30T12:00:00.000Z', '2031-01-01T00:00:00.000Z'];
    const ids = times.map((t) => newId('req', new Date(t)));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => /^req-[0-9a-z]{9}[0-9a-f]{20}$/.test(id))).toBe(true);
  });

  it('never repeat an id made in the same millisecond', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    expect(new Set(Array.from({ length: 1000 }, () => newId('file', at))).size).toBe(1000);
  });

  it('make six-character slip codes without look-alike characters', () => {
    const codes = Array.from({ length: 300 }, newCode);
    expect(codes.every((c) => /^[A-HJ-NP-Z2-9]{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(295);
  });
});
