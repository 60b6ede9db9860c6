/** Deployed cloud function `scheduler` (timer trigger): flags overdue matters and sends notices. */
import { createDeps } from '../core/services/deps';
import { loadConfig } from '../core/services/config';
import { cloudSecrets } from '../core/services/secrets';
import { deployedFunction } from '../functions.manifest';
import { createCloudbaseStore } from '../core/stores/cloudbase.store';
import { deliverOutbox, runOverdueScan } from './scheduler.jobs';
import { runPartnerIntake } from '../core/services/partner.filing';
import { wechatSender, type WxCloud } from './wechat.sender';
import { queueCalendarNotices, queueRectificationNotices } from './admin.notices';
import { noticeOverdueDemands } from './demand.overdue';
import { queueBookingReminders } from './booking.reminders';
import { repairLogOf, repairSlotCounts } from './booking.repair';
import { runCertifyPass } from '../core/services/certify.pass';

/**
 * wx-server-sdk, initialised for the current environment, loaded on the first message to send.
 * It is half the bundle: the build puts it in a file of its own beside index.js (the manifest's
 * `loadLater`), so loading the function does not parse it.
 */
const loadWxCloud = (): WxCloud => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- wx-server-sdk ships no types; loaded only when there is a message to send
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
};

export const main = async () => {
  const config = loadConfig();
  const deps = await createDeps({
    store: createCloudbaseStore(config.cloud),
    mode: 'cloud',
    secrets: cloudSecrets(config.keys, deployedFunction('scheduler')),
    ...config.deps,
  });
  // a function has 60 s: stop after 40, and the next run resumes where this one stopped
  const started = Date.now();
  const scan = await runOverdueScan(deps, 500, { ms: 30_000 });
  // the matching pass of 静默认证 gets what is left of 45 s (at least 5), and resumes next run
  const certify = await runCertifyPass(deps, { ms: Math.max(5_000, 45_000 - (Date.now() - started)) });
  const intake = await runPartnerIntake(deps);
  const notices = (await queueCalendarNotices(deps)) + (await queueRectificationNotices(deps));
  const lateDemands = await noticeOverdueDemands(deps);
  const reminders = await queueBookingReminders(deps);
  // slot counters left with a place nobody holds (a process that died mid-booking): 5 s, resumed next run
  const slotRepair = await repairSlotCounts(deps, { ms: 5_000 });
  const delivery = await deliverOutbox(deps, wechatSender(loadWxCloud, config.templates));
  console.log(
    `scheduler scanned=${scan.scanned} flagged=${scan.flagged} filed=${intake.filed} adminNotices=${notices} lateDemands=${lateDemands} reminders=${reminders.day}+${reminders.hour} ${repairLogOf(slotRepair)} certifyScanned=${certify.scanned} certifiedSilently=${certify.silent} certifyQueued=${certify.queued} sent=${delivery.sent} retried=${delivery.retried} failed=${delivery.failed}`,
  );
  return { scan, intake, certify, slotRepair, delivery };
};
