/**
 * What a store adapter implements: every port of the store, plus closing it. Two adapters
 * (SQLite, CloudBase) run the same contract suites (tests/contract/). Only the process
 * entries and createDeps see this bundle; handlers get each port on its own (context.ts).
 */
import type { AuditStore } from './audit.port';
import type { DirectoryStore } from './directory.port';
import type { MetaStore } from './meta.port';
import type { OutboxStore } from './outbox.port';
import type { PartnerStore } from './partner.port';
import type { RequestStore } from './request.port';
import type { UserStore } from './user.port';
import type { InviteStore } from './invite.port';
import type { CalendarStore } from './calendar.port';
import type { CatalogueStore } from './catalogue.port';
import type { IndicatorStore } from './indicator.port';
import type { CompanyStore } from './company.port';
import type { DemandStore } from './demand.port';
import type { BookingStore } from './booking.port';
import type { CertifyStore } from './certify.port';

export type Stores = RequestStore &
  DirectoryStore &
  UserStore &
  InviteStore &
  CalendarStore &
  CatalogueStore &
  AuditStore &
  OutboxStore &
  MetaStore &
  PartnerStore &
  IndicatorStore &
  CompanyStore &
  DemandStore &
  BookingStore &
  CertifyStore & {
    close(): Promise<void>;
  };
