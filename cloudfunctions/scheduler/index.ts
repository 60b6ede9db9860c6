/** Deployed cloud function `scheduler` (timer trigger): flags overdue matters and sends notices. */
import { createDeps, settingsFromEnv } from '../core/services/deps';
import { createCloudbaseStore } from '../core/stores/cloudbase.store';
import { deliverOutbox, runOverdueScan } from './scheduler.jobs';
import { wechatSender } from './wechat.sender';

export const main = async () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const deps = await createDeps({ store: createCloudbaseStore({}), mode: 'cloud', ...settingsFromEnv() });
  // a function has 60 s: stop after 40, and the next run resumes where this one stopped
  const scan = await runOverdueScan(deps, 500, { ms: 40_000 });
  const delivery = await deliverOutbox(deps, wechatSender(cloud));
  console.log(`scheduler scanned=${scan.scanned} flagged=${scan.flagged} sent=${delivery.sent} retried=${delivery.retried} failed=${delivery.failed}`);
  return { scan, delivery };
};
