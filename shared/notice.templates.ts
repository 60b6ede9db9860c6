/**
 * WeChat subscribe-message templates (订阅消息): which notice kinds go out as one, the variable
 * that names each kind's template id (read by the scheduler when it sends and by the mini-program
 * build when it asks), and the moments the app asks a person's consent. WeChat lets one consent
 * request name at most three templates, and only inside a tap, so each moment names at most three
 * and belongs to a tap of its own. Plain data without zod: the mini-program's main package reads it.
 */

/** The notices sent as WeChat subscribe messages; each has a ZC_TEMPLATE_<KIND> template id. */
export const TEMPLATE_KINDS = ['accepted', 'paused', 'decided', 'delivered', 'rejected', 'demand', 'booking', 'certify'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The variable of a kind's template id. */
export const templateEnvKey = (kind: TemplateKind) => `ZC_TEMPLATE_${kind.toUpperCase()}` as `ZC_TEMPLATE_${Uppercase<TemplateKind>}`;

/** What WeChat's template ids look like: letters, digits, - and _. */
export const TEMPLATE_ID_PATTERN = /^[\w-]{1,100}$/;

/** WeChat's limit on the templates one consent request may name. */
export const MAX_TEMPLATES_PER_ASK = 3;

/**
 * When the app asks, and for what:
 * - `submit`, the submit tap: whether the matter was taken in or refused, and a call to supplement;
 * - `progress`, a tap on an open matter: its decision and the delivery of the result;
 * - `booking`, the booking tap: the reminders the day before and the hour before;
 * - `demand`, a company's 提交诉求 tap: the answers to the demand;
 * - `certify`, a tap under 资格认证: the reminder before a certification period ends.
 */
export const CONSENT_MOMENTS = {
  submit: ['accepted', 'rejected', 'paused'],
  progress: ['decided', 'delivered'],
  booking: ['booking'],
  demand: ['demand'],
  certify: ['certify'],
} as const satisfies Record<string, readonly TemplateKind[]>;
export type ConsentMoment = keyof typeof CONSENT_MOMENTS;

/** The template ids configured, by kind. */
export type TemplateIds = Partial<Record<TemplateKind, string>>;

/**
 * The template ids set in an environment (a blank variable counts as unset, as a deployment
 * template renders an unset one), and a line for each that is not a template id.
 */
export const templatesFromEnv = (env: Record<string, string | undefined>): { templates: TemplateIds; problems: string[] } => {
  const templates: TemplateIds = {};
  const problems: string[] = [];
  for (const kind of TEMPLATE_KINDS) {
    const value = env[templateEnvKey(kind)]?.trim();
    if (!value) continue;
    if (TEMPLATE_ID_PATTERN.test(value)) templates[kind] = value;
    else problems.push(`${templateEnvKey(kind)} must be a subscribe-message template id (letters, digits, - and _)`);
  }
  return { templates, problems };
};

/** The ids one moment asks for: those configured, each once, at most three. */
export const consentIds = (moment: ConsentMoment, templates: TemplateIds): string[] =>
  [...new Set(CONSENT_MOMENTS[moment].flatMap((kind) => (templates[kind] ? [templates[kind]] : [])))].slice(0, MAX_TEMPLATES_PER_ASK);
