/**
 * admin: the city administrator. Each concern sits in its own file; this one composes them
 * into the one deployed function: indicators, invitations and roles, the holiday calendar,
 * imports, the audit log, the search vocabulary, the Open311 partner keys and the rectification of bad reviews.
 */
import { AdminInput, AdminOutput } from '../../shared/api.admin.schema';
import { defineFunction } from '../core/edge/dispatch';
import { inviteHandlers } from './admin.invites';
import { roleHandlers } from './admin.roles';
import { statsHandlers } from './admin.stats';
import { calendarHandlers } from './admin.calendar';
import { importHandlers } from './admin.imports';
import { auditHandlers } from './admin.audit';
import { synonymHandlers } from './admin.synonyms';
import { partnerHandlers } from './admin.partners';
import { rectificationHandlers } from './admin.rectification';
import { demandStatsHandlers } from './admin.demands';

export const admin = defineFunction(
  'admin',
  { input: AdminInput, output: AdminOutput },
  {
    ...statsHandlers,
    ...inviteHandlers,
    ...roleHandlers,
    ...calendarHandlers,
    ...importHandlers,
    ...auditHandlers,
    ...synonymHandlers,
    ...partnerHandlers,
    ...rectificationHandlers,
    ...demandStatsHandlers,
  },
);
