/**
 * WeChat subscribe messages through wx-server-sdk's openapi (the function's config.json grants
 * `subscribeMessage.send`). Notices to a center stay in the clerks' in-app list.
 */
import type { MessageSender } from './scheduler.jobs';
import type { Config } from '../core/services/config';
import { ADMIN_NOTICE_PREFIX } from './admin.notices';
import { BOOKING_NOTICE_KIND } from './booking.reminders';

/** What the sender uses of wx-server-sdk, initialised for the current environment. */
export type WxCloud = { openapi: { subscribeMessage: { send(o: object): Promise<{ errCode?: number; errMsg?: string }> } } };

/**
 * Creates the WeChat sender; `loadCloud` answers wx-server-sdk and is called on the first
 * message to a person only (a run with nothing to send never loads the SDK), and `templates`
 * are the template ids per notice kind from the configuration (ZC_TEMPLATE_ACCEPTED, ...).
 */
export const wechatSender = (loadCloud: () => WxCloud, templates: Config['templates']): MessageSender => {
  let cloud: WxCloud | null = null;
  return {
    send: async (m) => {
      if (!m.to.userId) return; // a center's notice: shown in the clerk workspace
      if (m.kind.startsWith(ADMIN_NOTICE_PREFIX)) return; // the administrators read theirs on the admin home
      const templateId = Object.hasOwn(templates, m.kind) ? templates[m.kind as keyof typeof templates] : undefined;
      if (!templateId) throw new Error(`no subscribe template configured for ${m.kind}`);
      cloud ??= loadCloud();
      const res = await cloud.openapi.subscribeMessage.send({
        touser: m.to.userId,
        templateId,
        page: m.requestId
          ? `pages-service/request/index?id=${m.requestId}`
          : m.kind === BOOKING_NOTICE_KIND
            ? 'pages-booking/mine/index'
            : m.demandId
              ? `pages-company/demand/index?id=${m.demandId}`
              : 'pages-service/messages/index',
        data: { thing1: { value: m.title.slice(0, 20) }, thing2: { value: m.body.slice(0, 20) } },
      });
      if (res.errCode) throw new Error(`subscribeMessage.send: ${res.errCode} ${res.errMsg ?? ''}`);
    },
  };
};
