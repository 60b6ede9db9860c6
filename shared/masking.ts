/**
 * Masks personal data for lists, timelines and logs, so a screen or a log line
 * never shows a whole ID number, phone number or name.
 */

const stars = (n: number): string => '*'.repeat(Math.max(n, 0));

/** Keeps the first `head` and last `tail` characters; a value too short to keep both is all stars. */
const keepEnds = (value: string, head: number, tail: number): string => {
  const chars = [...value];
  if (chars.length <= head + tail) return stars(chars.length);
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
};

/** Masks an ID number to its area head and last four: 3708**********1234. */
export const maskIdNumber = (id: string): string => keepEnds(id.trim(), 4, 4);

/** Masks a mobile number to its network prefix and last four: 138****5678. */
export const maskPhone = (phone: string): string => keepEnds(phone.trim(), 3, 4);

/** Masks a name: the surname stays, and the last character too when the name has three or more. */
export const maskName = (name: string): string => {
  const chars = [...name.trim()];
  if (chars.length <= 1) return stars(chars.length);
  if (chars.length === 2) return chars[0] + '*';
  return keepEnds(chars.join(''), 1, 1);
};
