import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { buildDirectory } from './directory';
import { RequestSchema } from './request.schema';
import { route } from './routing.rules';
import { newRequest, submissionOf } from './request.create';
import type { RouteDecision } from './routing.schema';
import { cn } from '../tests/support/clock';
import { VILLAGE, TOWN, CITY } from '../tests/fixtures/lifecycle.fixture';

describe('newRequest', () => {
  it('builds a submitted request at version 1 held by the intake center, with a submit audit entry', () => {
    const built = newRequest(
      {
        item: { code: 'T-0001', name: '农村宅基地审批', promisedDays: 5 },
        user: { userId: 'u-1', type: 'person', nameMasked: '张*' },
        form: {},
        materials: [{ name: '身份证' }],
        decision: { rule: 'TOWNSHIP', decider: { id: TOWN } },
        option: { center: { id: VILLAGE }, path: [{ id: VILLAGE }, { id: TOWN }] },
        idempotencyKey: 'key-1',
      },
      cn('2026-09-28T09:00:00'),
      { id: 'req-7', trackingNo: 'ZC1' },
    );
    expect(built.request).toMatchObject({ version: 1, state: 'submitted', holderCenterId: VILLAGE, deciderId: TOWN, path: [VILLAGE, TOWN] });
    expect(built.request.materials[0].paperSeen).toBe(false);
    expect(built.audit).toEqual([
      expect.objectContaining({
        requestId: 'req-7',
        action: 'submit',
        toState: 'submitted',
        centerId: VILLAGE,
        actor: expect.objectContaining({ userId: 'u-1', role: 'resident' }),
      }),
    ]);
  });

  it('builds requests the stored schema reads back unchanged, for every sample item and intake option', () => {
    const dir = buildDirectory(loadSampleCenters());
    const home = dir.ofKind('village')[3];
    const user = { id: 'u-1', role: 'resident' as const, nameMasked: '张*', phoneMasked: '138****1234', homeVillageId: home.id };
    const changed = loadSampleItems().flatMap((item) => {
      const decision = route(item, { type: 'person', homeVillageId: home.id }, dir);
      if (!decision.ok) return [];
      return decision.value.intake.flatMap((o) => {
        const submission = submissionOf(item, decision.value, o.center.id, user, dir);
        if (!submission.ok) return [`${item.code}: ${submission.error.code}`];
        const { request } = newRequest(
          { ...submission.value, form: { reason: '因家庭需要' }, materials: [{ name: '身份证', fileId: 'f-1' }], idempotencyKey: 'key-12345678' },
          cn('2026-09-28T09:00:00'),
          { id: 'req-1', trackingNo: 'ZC1' },
        );
        return JSON.stringify(RequestSchema.parse(request)) === JSON.stringify(request) ? [] : [`${item.code} at ${o.center.id}`];
      });
    });
    expect(changed).toEqual([]);
  });

  it('refuses a malformed time, as a bug', () => {
    expect(() =>
      newRequest(
        {
          item: { code: 'T-0001', name: '事项', promisedDays: 1 },
          user: { userId: 'u-1', type: 'person', nameMasked: '张*' },
          form: {},
          materials: [],
          idempotencyKey: 'k',
          decision: { rule: 'TOWNSHIP', decider: { id: TOWN } },
          option: { center: { id: VILLAGE }, path: [{ id: VILLAGE }, { id: TOWN }] },
        },
        'yesterday',
        { id: 'x', trackingNo: 'y' },
      ),
    ).toThrow();
  });

  it('refuses a path that does not end at the decider, as a bug', () => {
    expect(() =>
      newRequest(
        {
          item: { code: 'T-0001', name: '事项', promisedDays: 1 },
          user: { userId: 'u-1', type: 'person', nameMasked: '张*' },
          form: {},
          materials: [],
          idempotencyKey: 'k',
          decision: { rule: 'CITY', decider: { id: CITY } },
          option: { center: { id: VILLAGE }, path: [{ id: VILLAGE }, { id: TOWN }] },
        },
        cn('2026-09-28T09:00:00'),
        { id: 'x', trackingNo: 'y' },
      ),
    ).toThrow();
  });
});

describe('submissionOf', () => {
  const item = { code: 'T-0001', name: '农村宅基地审批', promisedDays: 5, lists: [] };
  const dir = buildDirectory([]);
  const center = (id: string, kind: 'village' | 'township') => ({ id, kind, name: id });
  const decision: RouteDecision = {
    rule: 'TOWNSHIP',
    decider: center(TOWN, 'township'),
    intake: [
      { channel: 'home_village', center: center(VILLAGE, 'village'), path: [center(VILLAGE, 'village'), center(TOWN, 'township')], note: '' },
      { channel: 'decider', center: center(TOWN, 'township'), path: [center(TOWN, 'township')], note: '' },
    ],
    explanation: '',
  };
  const resident = { id: 'u-1', role: 'resident' as const, nameMasked: '张*', phoneMasked: '138****0000', homeVillageId: VILLAGE };

  it('takes the chosen intake option and snapshots the applicant in masked form', () => {
    const s = submissionOf(item, decision, TOWN, resident, dir);
    expect(s.ok && s.value).toEqual({
      item: { code: item.code, name: item.name, promisedDays: item.promisedDays },
      decision,
      option: decision.intake[1],
      user: { userId: 'u-1', type: 'person', companyId: undefined, nameMasked: '张*', phoneMasked: '138****0000', homeVillageId: VILLAGE },
    });
  });

  it('snapshots a company member as the company applicant', () => {
    const s = submissionOf(item, decision, VILLAGE, { id: 'm-1', role: 'company', companyId: 'co-1' }, dir);
    expect(s.ok && s.value.user).toMatchObject({ userId: 'm-1', type: 'company', companyId: 'co-1', nameMasked: '企业用户' });
  });

  it("refuses an intake center that is not one of the route's options", () => {
    const s = submissionOf(item, decision, CITY, resident, dir);
    expect(s.ok ? 'ok' : [s.error.code, s.error.fields]).toEqual(['INTAKE_NOT_ALLOWED', { intakeCenterId: 'INTAKE_NOT_ALLOWED' }]);
  });
});
