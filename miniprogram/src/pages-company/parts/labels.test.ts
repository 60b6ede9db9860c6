import { demandTone, routingNote } from './labels';

describe('the company pages’ words', () => {
  it('a zone company is told 区内事区内办, a township company its township, 三级同权 and 政银合作', () => {
    expect(routingNote({ location: 'zone', locationName: '经济开发区' })[0]).toContain('区内事区内办');
    const township = routingNote({ location: { townshipCode: '107' }, locationName: '太平镇' }).join('');
    expect(township).toContain('太平镇为民服务中心');
    expect(township).toContain('三级同权');
    expect(township).toContain('政银合作');
  });

  it('a demand past a term reads as a warning before its state', () => {
    expect(demandTone({ state: 'acknowledged', overdue: { ack: false, answer: true } })).toBe('warn');
    expect(demandTone({ state: 'closed', overdue: { ack: false, answer: false } })).toBe('done');
    expect(demandTone({ state: 'raised', overdue: { ack: false, answer: false } })).toBe('');
  });
});
