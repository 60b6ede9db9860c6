/**
 * One configuration, read once at start: defaults where nothing is set, the deploy template's
 * blank as unset, and a clear error naming each bad variable instead of a silent default.
 */
import { loadConfig } from './config';
import { DEFAULT_HANDOFF_LIMIT_DAYS, DEFAULT_RECTIFICATION_DAYS, DEFAULT_SUPPLEMENT_DAYS } from '../../../shared/lifecycle.limits';
import { DEFAULT_NO_SHOW_RULE } from '../../../shared/booking.schema';

describe('loadConfig', () => {
  it('answers the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      gateway: { port: 8080, host: '127.0.0.1', skipH5Build: false },
      deps: {
        handoffLimitDays: DEFAULT_HANDOFF_LIMIT_DAYS,
        rectificationDays: DEFAULT_RECTIFICATION_DAYS,
        supplementDays: DEFAULT_SUPPLEMENT_DAYS,
        demandLimits: { ackDays: 1, answerDays: 5 },
        noShowRule: { limit: 3, windowDays: 90, blockDays: 30 },
        certifyRules: { sources: ['medical', 'card', 'visit', 'verified'], dueDays: 30 },
        slotQuietMinutes: 5,
      },
      keys: {},
      cloud: {},
      templates: {},
    });
    expect([DEFAULT_HANDOFF_LIMIT_DAYS, DEFAULT_RECTIFICATION_DAYS]).toEqual([2, 15]);
    expect(DEFAULT_NO_SHOW_RULE).toEqual({ limit: 3, windowDays: 90, blockDays: 30 });
  });

  it('reads the gateway, the limits, the hash key, the environment id and the templates', () => {
    const config = loadConfig({
      PORT: '9090',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/zc',
      SQLITE_PATH: ':memory:',
      SKIP_H5_BUILD: '1',
      ZC_HANDOFF_LIMIT_DAYS: '0',
      ZC_RECTIFICATION_DAYS: '120',
      ZC_SUPPLEMENT_DAYS: '3',
      ZC_ID_HASH_KEY: 'a-long-enough-secret',
      ZC_PHONE_KEY: 'AB'.repeat(32),
      TCB_ENV: 'zc-prod-1a2b',
      ZC_TEMPLATE_ACCEPTED: 'tmpl-Accepted_1',
      ZC_TEMPLATE_REJECTED: 'tmpl-rejected',
      ZC_DEMAND_ACK_DAYS: '2',
      ZC_DEMAND_ANSWER_DAYS: '10',
      ZC_NO_SHOW_LIMIT: '2',
      ZC_NO_SHOW_WINDOW_DAYS: '60',
      ZC_NO_SHOW_BLOCK_DAYS: '14',
      ZC_TEMPLATE_BOOKING: 'tmpl-booking',
      ZC_TEMPLATE_CERTIFY: 'tmpl-certify',
      ZC_CERTIFY_SOURCES: 'medical, card,medical',
      ZC_CERTIFY_DUE_DAYS: '45',
      ZC_SLOT_QUIET_MINUTES: '10',
    });
    expect(config).toEqual({
      gateway: { port: 9090, host: '0.0.0.0', dataDir: '/srv/zc', sqlitePath: ':memory:', skipH5Build: true },
      deps: {
        handoffLimitDays: 0,
        rectificationDays: 120,
        supplementDays: 3,
        demandLimits: { ackDays: 2, answerDays: 10 },
        noShowRule: { limit: 2, windowDays: 60, blockDays: 14 },
        certifyRules: { sources: ['medical', 'card'], dueDays: 45 },
        slotQuietMinutes: 10,
      },
      keys: { idHashKey: 'a-long-enough-secret', phoneKey: 'ab'.repeat(32) },
      cloud: { env: 'zc-prod-1a2b' },
      templates: { accepted: 'tmpl-Accepted_1', rejected: 'tmpl-rejected', booking: 'tmpl-booking', certify: 'tmpl-certify' },
    });
  });

  it('treats a blank value, as a deploy template renders an unset variable, as unset', () => {
    expect(loadConfig({ ZC_HANDOFF_LIMIT_DAYS: '', ZC_ID_HASH_KEY: ' ', ZC_TEMPLATE_PAUSED: '' })).toEqual(loadConfig({}));
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['SKIP_H5_BUILD', 'yes'],
    ['ZC_HANDOFF_LIMIT_DAYS', 'two'],
    ['ZC_HANDOFF_LIMIT_DAYS', '61'],
    ['ZC_HANDOFF_LIMIT_DAYS', '-1'],
    ['ZC_RECTIFICATION_DAYS', '0'],
    ['ZC_RECTIFICATION_DAYS', '1.5'],
    ['ZC_DEMAND_ACK_DAYS', '0'],
    ['ZC_DEMAND_ANSWER_DAYS', '61'],
    ['ZC_NO_SHOW_LIMIT', '0'],
    ['ZC_NO_SHOW_WINDOW_DAYS', 'ninety'],
    ['ZC_NO_SHOW_BLOCK_DAYS', '366'],
    ['ZC_TEMPLATE_DECIDED', 'has spaces in it'],
    ['ZC_PHONE_KEY', 'not-hex-and-too-short'],
    ['ZC_CERTIFY_SOURCES', 'medical,gossip'],
    ['ZC_CERTIFY_DUE_DAYS', '0'],
  ])('refuses %s=%s at start with an error naming the variable', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`Bad configuration.*${key} `));
  });

  it('names every bad variable at once and never echoes a value, which may be a secret', () => {
    let message = '';
    try {
      loadConfig({ ZC_ID_HASH_KEY: 'short-secret', ZC_RECTIFICATION_DAYS: 'fifteen' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/ZC_ID_HASH_KEY must be a secret of at least 16 characters/);
    expect(message).toMatch(/ZC_RECTIFICATION_DAYS must be a whole number from 1 to 120/);
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('fifteen');
  });
});
