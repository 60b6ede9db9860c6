/**
 * Every port's contract, run over one adapter. Each adapter's test file calls `storeContract`
 * with a factory that answers a fresh, empty store, and the way to leave the state a crash
 * mid-booking leaves (support/slot.leak.ts); the same sentences must hold for both.
 */
import type { Stores } from '../../cloudfunctions/core/stores/store.port';
import { auditContract } from './audit.contract';
import { directoryContract } from './directory.contract';
import { metaContract } from './meta.contract';
import { outboxContract } from './outbox.contract';
import { partnersContract } from './partners.contract';
import { requestsContract } from './requests.contract';
import { usersContract } from './users.contract';
import { invitesContract } from './invites.contract';
import { calendarContract } from './calendar.contract';
import { catalogueContract } from './catalogue.contract';
import { indicatorsContract } from './indicators.contract';
import { companiesContract } from './companies.contract';
import { demandsContract } from './demands.contract';
import { bookingsContract } from './bookings.contract';
import { certifyContract } from './certify.contract';
import { slotRepairContract } from './slot.repair.contract';
import type { Leak } from '../support/slot.leak';

/** Defines the contract suites of every port for one adapter, each test on a fresh store. */
export function storeContract(name: string, makeStore: () => Promise<Stores>, leak: Leak): void {
  describe(`${name} store contract`, () => {
    let store: Stores;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });
    const current = () => store;

    directoryContract(current);
    usersContract(current);
    invitesContract(current);
    calendarContract(current);
    catalogueContract(current);
    requestsContract(current);
    auditContract(current);
    outboxContract(current);
    metaContract(current);
    partnersContract(current);
    indicatorsContract(current);
    companiesContract(current);
    demandsContract(current);
    bookingsContract(current);
    slotRepairContract(current, leak);
    certifyContract(current);
  });
}
