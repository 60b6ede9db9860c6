/**
 * WeChat subscribe messages (订阅消息): a person consents, inside a tap, to the notices of one
 * moment (shared/notice.templates.ts): the submit tap for the matter's intake, a tap on an open
 * matter for its decision and delivery, the booking tap for its reminders, the 提交诉求 tap for
 * a demand's answers, a tap under 资格认证 for the certification reminder. The template ids are
 * the scheduler's ZC_TEMPLATE_<KIND>, set when the app is built (miniprogram/config/index.ts).
 */
import { consentIds, type ConsentMoment, type TemplateIds } from '@shared/notice.templates';
import { platform } from '../platform';

/** Defined by the build (defineConstants); the tests' setup defines it too. */
declare const ZC_SUBSCRIBE_TEMPLATES: TemplateIds;

const configured = (): TemplateIds => (typeof ZC_SUBSCRIBE_TEMPLATES === 'undefined' ? {} : ZC_SUBSCRIBE_TEMPLATES);

/** Whether this build can ask consent for the moment: WeChat, with at least one of its templates set. */
export const canAskConsent = (moment: ConsentMoment): boolean => !!platform.askSubscribe && consentIds(moment, configured()).length > 0;

/**
 * Asks consent for one moment's notices; must run inside a tap; never fails. Answers whether the
 * person accepted at least one (false where nothing can be asked).
 */
export const askNoticeConsent = async (moment: ConsentMoment): Promise<boolean> => {
  const ids = consentIds(moment, configured());
  if (!platform.askSubscribe || !ids.length) return false;
  return platform.askSubscribe(ids);
};
