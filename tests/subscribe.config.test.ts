/**
 * The mini-program's build reads the subscribe-message template ids from the same ZC_TEMPLATE_<KIND>
 * variables as the scheduler, and a malformed one stops the build with the variable's name.
 */
import config from '../miniprogram/config/index';

type Built = { defineConstants: Record<string, string> };
const build = async (env: Record<string, string>): Promise<Built> => {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const make = config as unknown as (merge: (...parts: object[]) => object) => Promise<Built>;
    return await make((...parts) => Object.assign({}, ...parts));
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
  }
};

describe('the subscribe templates of the mini-program build', () => {
  it('defines the ids set in the environment for the app to ask with', async () => {
    const built = await build({ ZC_TEMPLATE_ACCEPTED: 'tmpl-accepted', ZC_TEMPLATE_BOOKING: 'tmpl-booking', ZC_TEMPLATE_DEMAND: '' });
    expect(JSON.parse(built.defineConstants.ZC_SUBSCRIBE_TEMPLATES)).toEqual({ accepted: 'tmpl-accepted', booking: 'tmpl-booking' });
  });

  it('stops the build on a malformed id, naming its variable', async () => {
    await expect(build({ ZC_TEMPLATE_CERTIFY: 'not an id' })).rejects.toThrow(/ZC_TEMPLATE_CERTIFY/);
  });
});
