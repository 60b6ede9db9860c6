/**
 * Builders of schema-valid centers, items and users for the store contract.
 */
import { CenterSchema, type Center } from '../../shared/directory.schema';
import { ItemSchema, type Item } from '../../shared/catalogue.schema';
import type { OutboxRecord } from '../../cloudfunctions/core/stores/outbox.port';
import type { CompanyRecord, UserRecord } from '../../cloudfunctions/core/stores/user.port';
import { at } from './request.fixture';

/** A village center of township 001 unless overridden. */
export function makeCenter(overrides: Partial<Center> & { id: string }): Center {
  return CenterSchema.parse({
    kind: 'village',
    name: `${overrides.id}村便民服务站`,
    townshipCode: '001',
    parentId: 't-001',
    location: { lat: 35.4, lng: 116.97, approximate: true },
    address: '邹城市',
    phone: '0537-0000000',
    hours: '周一至周五 9:00-12:00',
    offers: [],
    entrustedLists: [],
    sample: true,
    ...overrides,
  });
}

/** A township-level person item unless overridden. */
export function makeItem(overrides: Partial<Item> & { code: string }): Item {
  return ItemSchema.parse({
    name: `事项${overrides.code}`,
    audience: 'person',
    category: '民政',
    lifeEvents: [],
    level: 'township',
    lists: [],
    materials: [],
    conditions: [],
    fee: '不收费',
    promisedDays: 5,
    statutoryDays: 20,
    kind: 'promised',
    visits: 1,
    department: '民政办',
    formFields: [],
    sample: true,
    ...overrides,
  });
}

/** A resident user record. */
export function makeUser(overrides: Partial<UserRecord> & { id: string }): UserRecord {
  return { version: 1, role: 'resident', nameMasked: '张*', createdAt: at(0), updatedAt: at(0), ...overrides };
}

/** A company in township 001. */
export function makeCompany(overrides: Partial<CompanyRecord> & { id: string }): CompanyRecord {
  return { version: 1, creditCode: '91370883MA3C000001', name: '邹城示例有限公司', location: { townshipCode: '001' }, createdAt: at(0), ...overrides };
}

/** A pending notification for a user. */
export function makeMessage(overrides: Partial<OutboxRecord> & { id: string }): OutboxRecord {
  return {
    version: 1,
    to: { userId: 'u-1' },
    kind: 'state_changed',
    title: '办件进度',
    body: '您的办件已受理',
    createdAt: at(0),
    state: 'pending',
    attempts: 0,
    ...overrides,
  };
}
