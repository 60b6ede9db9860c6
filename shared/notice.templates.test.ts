import { CONSENT_MOMENTS, MAX_TEMPLATES_PER_ASK, TEMPLATE_KINDS, consentIds, templateEnvKey, templatesFromEnv, type ConsentMoment } from './notice.templates';

const moments = Object.keys(CONSENT_MOMENTS) as ConsentMoment[];

describe('the subscribe-message consent moments', () => {
  it('each names at most three templates, as WeChat allows in one request', () => {
    for (const m of moments) expect(CONSENT_MOMENTS[m].length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_ASK);
  });

  it('every kind the scheduler sends as a subscribe message is asked for at exactly one moment', () => {
    const asked = moments.flatMap((m) => CONSENT_MOMENTS[m]);
    expect([...asked].sort()).toEqual([...TEMPLATE_KINDS].sort());
  });

  it('asks for the configured ids of a moment only, each once', () => {
    const ids = consentIds('submit', { accepted: 'tmpl-a', rejected: 'tmpl-a', paused: 'tmpl-p', decided: 'tmpl-d' });
    expect(ids).toEqual(['tmpl-a', 'tmpl-p']);
    expect(consentIds('progress', { accepted: 'tmpl-a' })).toEqual([]);
    expect(consentIds('booking', { booking: 'tmpl-b' })).toEqual(['tmpl-b']);
  });
});

describe('template ids from the environment', () => {
  it('reads each ZC_TEMPLATE_<KIND>, a blank one as unset', () => {
    const env = { [templateEnvKey('accepted')]: ' tmpl_Accepted-1 ', [templateEnvKey('demand')]: '   ', [templateEnvKey('certify')]: 'tmpl-certify' };
    expect(templatesFromEnv(env)).toEqual({ templates: { accepted: 'tmpl_Accepted-1', certify: 'tmpl-certify' }, problems: [] });
  });

  it('names each variable that is not a template id, and keeps it out', () => {
    const { templates, problems } = templatesFromEnv({ ZC_TEMPLATE_BOOKING: 'tmpl booking', ZC_TEMPLATE_PAUSED: 'tmpl-p' });
    expect(templates).toEqual({ paused: 'tmpl-p' });
    expect(problems).toEqual([expect.stringContaining('ZC_TEMPLATE_BOOKING')]);
  });
});
