import type { MaterialSpec } from '@shared/catalogue.schema';
import { originalsToBring } from './originals';

const m = (name: string, paper: boolean, copies = 0): MaterialSpec => ({ name, paper, copies, required: true });

describe('the paper originals to bring after submitting', () => {
  it('regression: lists the originals with their copies and the date to bring them by, five working days on', () => {
    // submitted Friday 25 Sep 2026: 28, 29, 30 Sep, then National Day until 7 Oct, then 8 and 9 Oct
    const note = originalsToBring([m('申请表', true, 1), m('户口簿', false), m('房产证', true)], '2026-09-25T02:00:00.000Z');
    expect(note).toEqual({ items: ['申请表（原件，复印件1份）', '房产证（原件）'], by: '2026-10-09' });
  });

  it('asks for nothing when every material travels as a photo, and guesses no date past the calendar', () => {
    expect(originalsToBring([m('户口簿', false)], '2026-09-25T02:00:00.000Z').items).toEqual([]);
    expect(originalsToBring([m('申请表', true)], '2026-12-29T02:00:00.000Z').by).toBeNull();
  });
});
