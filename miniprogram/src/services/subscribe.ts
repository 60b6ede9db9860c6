/**
 * WeChat subscribe messages (订阅消息): a resident must consent before each submission for the
 * notices of that matter (受理, 补正, 办结, 送达) to reach them outside the app.
 */
import { platform } from '../platform';

/**
 * The template ids approved for this mini-program in the WeChat console, one per notice kind
 * (the scheduler's ZC_TEMPLATE_<KIND> must name the same ids). Empty: nothing is asked.
 */
export const SUBSCRIBE_TEMPLATE_IDS: readonly string[] = [];

/**
 * The template of the booking reminders (the day before, the hour before), the scheduler's
 * ZC_TEMPLATE_BOOKING; asked when a resident books. Empty: nothing is asked.
 */
export const BOOKING_TEMPLATE_IDS: readonly string[] = [];

/** Asks consent for the notices; must run inside a tap. The browser build has no such thing and skips it. */
export const askNoticeConsent = async (tmplIds: readonly string[] = SUBSCRIBE_TEMPLATE_IDS): Promise<void> => {
  if (!tmplIds.length) return;
  await platform.askSubscribe(tmplIds);
};
