/**
 * The RequestStore contract: requests are created once per idempotency key, change only from
 * their stored version together with their audit entries and notices, and are found through
 * their queues, listings, handoff codes and the overdue walk.
 */
import type { AuditStore } from '../../cloudfunctions/core/stores/audit.port';
import type { OutboxStore } from '../../cloudfunctions/core/stores/outbox.port';
import type { RequestStore } from '../../cloudfunctions/core/stores/request.port';
import type { Request } from '../../shared/request.schema';
import { at, bump, makeAudit, makeHandoff, makeRequest } from '../support/request.fixture';
import { makeMessage } from '../support/directory.fixture';
import { PAGE, codeOf, value } from './contract.kit';

/** The request port, with the outbox and audit ports its sentences read back through. */
type Ports = RequestStore & OutboxStore & AuditStore;

/** Defines the request sentences over the fresh store `current()` answers. */
export function requestsContract(current: () => Ports): void {
  describe('RequestStore', () => {
    let store: Ports;
    beforeEach(() => {
      store = current();
    });

    describe('requests', () => {
      const submitted = makeRequest();
      const createAudit = [makeAudit('req-1', 'submit', 0, { actor: { userId: 'u-1', role: 'resident' }, toState: 'submitted' })];

      it('a created request comes back as stored, with its audit entries in the timeline', async () => {
        const answer = value(await store.createRequest(submitted, createAudit));
        expect(answer).toEqual({ request: submitted, created: true });
        expect(await store.getRequest('req-1')).toEqual(submitted);
        expect(await store.timeline('req-1')).toEqual(createAudit);
        expect(await store.getRequest('nope')).toBeNull();
      });

      it('creating again with the same idempotency key answers the first request and writes nothing', async () => {
        await store.createRequest(submitted, createAudit);
        const retry = makeRequest({ id: 'req-2', idempotencyKey: submitted.idempotencyKey });
        const answer = value(await store.createRequest(retry, [makeAudit('req-2', 'submit', 1)]));
        expect(answer).toEqual({ request: submitted, created: false });
        expect(await store.getRequest('req-2')).toBeNull();
        expect(await store.timeline('req-2')).toEqual([]);
      });

      it('the same idempotency key with the same body hash answers the first request, and with another body IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
        const hashed = makeRequest({ idempotencyKey: 'key-hashed', idempotencyHash: 'body-a' });
        value(await store.createRequest(hashed, createAudit));
        const retry = makeRequest({ id: 'req-2', idempotencyKey: 'key-hashed', idempotencyHash: 'body-a' });
        expect(value(await store.createRequest(retry, []))).toEqual({ request: hashed, created: false });
        const other = makeRequest({ id: 'req-3', idempotencyKey: 'key-hashed', idempotencyHash: 'body-b', itemCode: 'T-0002' });
        const reused = await store.createRequest(other, [makeAudit('req-3', 'submit', 1)]);
        expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
        expect(await store.getRequest('req-3')).toBeNull();
        expect(await store.timeline('req-3')).toEqual([]);
        expect(await store.getRequest(hashed.id)).toEqual(hashed);
      });

      it("twenty concurrent creates with one key and two bodies store one request; the other body's callers hear IDEMPOTENCY_KEY_REUSED", async () => {
        const attempts = Array.from({ length: 20 }, (_, i) =>
          store.createRequest(makeRequest({ id: `req-b${i}`, idempotencyKey: 'tap-two-bodies', idempotencyHash: i % 2 ? 'body-odd' : 'body-even' }), []),
        );
        const answers = await Promise.all(attempts);
        const winners = answers.filter((a) => a.ok).map((a) => (a.ok ? a.value.request : null)!);
        expect(new Set(winners.map((w) => w.id)).size).toBe(1);
        const hash = winners[0].idempotencyHash;
        answers.forEach((a, i) => expect(codeOf(a)).toBe((i % 2 ? 'body-odd' : 'body-even') === hash ? 'ok' : 'IDEMPOTENCY_KEY_REUSED'));
        expect((await store.listRequests({ applicantUserId: 'u-1' }, PAGE)).total).toBe(1);
      });

      it('the same idempotency key from another applicant is a different request', async () => {
        await store.createRequest(submitted, createAudit);
        const other = makeRequest({ id: 'req-2', idempotencyKey: submitted.idempotencyKey, applicant: { ...submitted.applicant, userId: 'u-2' } });
        expect(value(await store.createRequest(other, [])).created).toBe(true);
      });

      it('twenty concurrent creates with one key store exactly one request and all answer its id', async () => {
        const attempts = Array.from({ length: 20 }, (_, i) =>
          store.createRequest(makeRequest({ id: `req-c${i}`, idempotencyKey: 'tap-twice' }), [makeAudit(`req-c${i}`, 'submit', 0)]),
        );
        const answers = (await Promise.all(attempts)).map(value);
        expect(new Set(answers.map((a) => a.request.id)).size).toBe(1);
        expect(answers.filter((a) => a.created)).toHaveLength(1);
        const stored = await store.listRequests({ applicantUserId: 'u-1' }, PAGE);
        expect(stored.total).toBe(1);
        expect(stored.items[0].id).toBe(answers[0].request.id);
        expect(await store.timeline(answers[0].request.id)).toHaveLength(1);
      });

      it('an update from the stored version is written with its audit entries after the earlier ones', async () => {
        await store.createRequest(submitted, createAudit);
        const next = bump(submitted, { state: 'prechecked' });
        const audit = [
          makeAudit('req-1', 'precheck', 1, { fromState: 'submitted', toState: 'prechecked' }),
          makeAudit('req-1', 'note', 1, { note: '材料齐全' }),
        ];
        expect(value(await store.updateRequest(next, 1, audit))).toEqual(next);
        expect(await store.getRequest('req-1')).toEqual(next);
        expect((await store.timeline('req-1')).map((a) => a.action)).toEqual(['submit', 'precheck', 'note']);
      });

      it('an update from a stale version is a CONFLICT and changes nothing, not even the audit', async () => {
        await store.createRequest(submitted, createAudit);
        value(await store.updateRequest(bump(submitted, { state: 'prechecked' }), 1, [makeAudit('req-1', 'precheck', 1)]));
        const stale = bump(submitted, { state: 'withdrawn' });
        const answer = await store.updateRequest(stale, 1, [makeAudit('req-1', 'withdraw', 2)]);
        expect(codeOf(answer)).toBe('CONFLICT');
        expect((await store.getRequest('req-1'))?.state).toBe('prechecked');
        expect((await store.timeline('req-1')).map((a) => a.action)).toEqual(['submit', 'precheck']);
      });

      it('an update writes the notices it causes in the same step, and a stale one writes none', async () => {
        await store.createRequest(submitted, createAudit);
        const notice = makeMessage({ id: 'msg-step-1', to: { userId: 'u-1' } });
        value(await store.updateRequest(bump(submitted, { state: 'prechecked' }), 1, [makeAudit('req-1', 'precheck', 1)], [notice]));
        const stale = await store.updateRequest(
          bump(submitted, { state: 'withdrawn' }),
          1,
          [makeAudit('req-1', 'withdraw', 2)],
          [makeMessage({ id: 'msg-step-2', to: { userId: 'u-1' } })],
        );
        expect(codeOf(stale)).toBe('CONFLICT');
        expect((await store.pendingOutbox(10)).map((m) => m.id)).toEqual(['msg-step-1']);
      });

      it('a create writes the notices of the new application with it, and a repeated create queues none', async () => {
        value(await store.createRequest(submitted, createAudit, [makeMessage({ id: 'msg-new-1', to: { centerId: 'v-001' } })]));
        const retry = makeRequest({ id: 'req-2', idempotencyKey: submitted.idempotencyKey });
        value(await store.createRequest(retry, [], [makeMessage({ id: 'msg-new-2', to: { centerId: 'v-001' } })]));
        expect((await store.listOutbox({ centerId: 'v-001' }, PAGE)).items.map((m) => m.id)).toEqual(['msg-new-1']);
      });

      it('ten parallel updates from the same version give one success and nine CONFLICTs', async () => {
        await store.createRequest(submitted, createAudit);
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.updateRequest(bump(submitted, { form: { attempt: i } }), 1, [makeAudit('req-1', `attempt-${i}`, 1)])),
        );
        const codes = answers.map(codeOf);
        expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
        expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(9);
        const winner = answers.findIndex((a) => a.ok);
        expect((await store.getRequest('req-1'))?.form).toEqual({ attempt: winner });
        expect((await store.timeline('req-1')).map((a) => a.action)).toEqual(['submit', `attempt-${winner}`]);
      });

      it('updating a request that does not exist is NOT_FOUND', async () => {
        expect(codeOf(await store.updateRequest(bump(submitted), 1, []))).toBe('NOT_FOUND');
      });

      it('an update that does not move the version by exactly one is a bug and throws', async () => {
        await store.createRequest(submitted, createAudit);
        await expect(store.updateRequest({ ...submitted, version: 3 }, 1, [])).rejects.toThrow(/version/);
      });

      it('the timeline lists entries in time order, whichever was written first', async () => {
        await store.createRequest(submitted, createAudit);
        await store.appendAudit(makeAudit('req-1', 'viewed', 5));
        await store.appendAudit(makeAudit('req-1', 'late-sync', 3));
        await store.appendAudit(makeAudit('req-other', 'viewed', 4));
        expect((await store.timeline('req-1')).map((a) => a.action)).toEqual(['submit', 'late-sync', 'viewed']);
      });
    });

    describe('queues, listings and lookups', () => {
      const inTransit = makeRequest({
        id: 'r-transit',
        state: 'in_transit',
        holderCenterId: 't-001',
        submittedAt: at(1),
        handoffs: [makeHandoff({ code: 'QX7K2M' })],
      });
      const fixtures: Request[] = [
        makeRequest({ id: 'r-pre', submittedAt: at(0) }),
        inTransit,
        makeRequest({ id: 'r-accept', holderCenterId: 't-001', intakeCenterId: 't-001', path: ['t-001'], submittedAt: at(2) }),
        makeRequest({ id: 'r-decide', state: 'accepted', holderCenterId: 't-001', submittedAt: at(3) }),
        makeRequest({ id: 'r-decide2', state: 'accepted', holderCenterId: 't-001', submittedAt: at(4), overdue: true }),
        makeRequest({ id: 'r-paused', state: 'paused', holderCenterId: 't-001', submittedAt: at(5) }),
        makeRequest({ id: 'r-deliver', state: 'approved', holderCenterId: 't-001', submittedAt: at(6) }),
        makeRequest({ id: 'r-closed', state: 'closed', holderCenterId: 't-001', submittedAt: at(7), overdue: true }),
        makeRequest({
          id: 'r-company',
          applicant: { userId: 'u-9', type: 'company', companyId: 'co-1', nameMasked: '邹城*公司' },
          path: ['v-002', 't-001'],
          intakeCenterId: 'v-002',
          holderCenterId: 'v-002',
          submittedAt: at(8),
        }),
      ];
      const seed = async () => {
        for (const r of fixtures) value(await store.createRequest(r, []));
      };
      const ids = (page: { items: Request[] }) => page.items.map((r) => r.id);

      it('each queue at a center lists the requests it holds in that state, newest first', async () => {
        await seed();
        expect(ids(await store.listQueue('t-001', 'decide', PAGE))).toEqual(['r-decide2', 'r-decide']);
        expect(ids(await store.listQueue('t-001', 'incoming', PAGE))).toEqual(['r-transit']);
        expect(ids(await store.listQueue('t-001', 'accept', PAGE))).toEqual(['r-accept']);
        expect(ids(await store.listQueue('v-001', 'precheck', PAGE))).toEqual(['r-pre']);
        expect(ids(await store.listQueue('v-001', 'decide', PAGE))).toEqual([]);
        const paged = await store.listQueue('t-001', 'decide', { page: 2, pageSize: 1 });
        expect(paged.total).toBe(2);
        expect(ids(paged)).toEqual(['r-decide']);
      });

      it('queue counts cover every queue, and overdue counts open requests whose path passes through the center', async () => {
        await seed();
        expect(await store.countQueues('t-001')).toEqual({ precheck: 0, incoming: 1, accept: 1, paused: 1, decide: 2, deliver: 1, overdue: 1, rectify: 0 });
        expect(await store.countQueues('v-001')).toEqual({ precheck: 1, incoming: 0, accept: 0, paused: 0, decide: 0, deliver: 0, overdue: 1, rectify: 0 });
        expect(await store.countQueues('v-002')).toMatchObject({ precheck: 1, overdue: 0 });
        expect(ids(await store.listQueue('v-001', 'overdue', PAGE))).toEqual(['r-decide2']);
      });

      it('a bad review waits in the rectify queue of the deciding center until its return call closes it', async () => {
        const rectification = { openedAt: at(10), deadline: at(20), state: 'open' as const };
        const rated = makeRequest({
          id: 'r-bad',
          state: 'closed',
          holderCenterId: 'v-001',
          idempotencyKey: 'bad',
          rating: { level: '不满意', comment: '', at: at(10) },
          rectification,
        });
        value(await store.createRequest(rated, []));
        expect(ids(await store.listQueue('t-001', 'rectify', PAGE))).toEqual(['r-bad']);
        expect(await store.countQueues('t-001')).toMatchObject({ rectify: 1, deliver: 0 });
        expect((await store.countQueues('v-001')).rectify).toBe(0);
        const called = bump(rated, { rectification: { ...rectification, state: 'closed', returnCall: { by: 'c-1', at: at(15), note: '已致歉并说明' } } });
        value(await store.updateRequest(called, rated.version, []));
        expect((await store.listQueue('t-001', 'rectify', PAGE)).total).toBe(0);
      });

      it('a handoff left unconfirmed too long puts its request in the overdue queue', async () => {
        const late = makeRequest({ ...inTransit, id: 'r-late', idempotencyKey: 'late', handoffs: [makeHandoff({ overdue: true })] });
        value(await store.createRequest(late, []));
        expect(ids(await store.listQueue('t-001', 'overdue', PAGE))).toEqual(['r-late']);
      });

      it('requests are listed by applicant, company, state and the centers on their path', async () => {
        await seed();
        expect((await store.listRequests({ applicantUserId: 'u-1' }, PAGE)).total).toBe(8);
        expect(ids(await store.listRequests({ companyId: 'co-1' }, PAGE))).toEqual(['r-company']);
        expect(ids(await store.listRequests({ state: 'accepted' }, PAGE))).toEqual(['r-decide2', 'r-decide']);
        expect(ids(await store.listRequests({ throughCenterId: 'v-002' }, PAGE))).toEqual(['r-company']);
        expect((await store.listRequests({ throughCenterId: 't-001' }, PAGE)).total).toBe(9);
        expect(ids(await store.listRequests({ throughCenterId: 'v-001', state: 'submitted' }, PAGE))).toEqual(['r-pre']);
      });

      it('a request moved up the path is seen through its new holder and loses its old queue', async () => {
        await seed();
        const pre = (await store.getRequest('r-pre'))!;
        value(await store.updateRequest(bump(pre, { state: 'in_transit', holderCenterId: 't-001', handoffs: [makeHandoff({ code: 'ZZ99ZZ' })] }), 1, []));
        expect(ids(await store.listQueue('v-001', 'precheck', PAGE))).toEqual([]);
        expect(ids(await store.listQueue('t-001', 'incoming', PAGE))).toEqual(['r-transit', 'r-pre']);
      });

      it('a handoff code finds the request by its latest slip, in transit and after receipt, and not once a newer slip replaces it', async () => {
        await seed();
        expect((await store.findRequestByHandoffCode('QX7K2M'))?.id).toBe('r-transit');
        expect(await store.findRequestByHandoffCode('NONE00')).toBeNull();
        const received = bump(inTransit, {
          state: 'prechecked',
          handoffs: [{ ...inTransit.handoffs[0], state: 'received', receivedBy: 'clerk-t', receivedAt: at(20) }],
        });
        value(await store.updateRequest(received, 1, []));
        expect((await store.findRequestByHandoffCode('QX7K2M'))?.id).toBe('r-transit');
        const resent = bump(received, { state: 'in_transit', handoffs: [...received.handoffs, makeHandoff({ code: 'NEW123' })] });
        value(await store.updateRequest(resent, 2, []));
        expect(await store.findRequestByHandoffCode('QX7K2M')).toBeNull();
        expect((await store.findRequestByHandoffCode('NEW123'))?.id).toBe('r-transit');
      });

      it('queue counts follow every write: a request moving up its path, turning overdue and closing leaves counts a recount would give', async () => {
        await seed();
        const pre = (await store.getRequest('r-pre'))!;
        const sent = bump(pre, { state: 'in_transit', holderCenterId: 't-001', handoffs: [makeHandoff({ code: 'MV11MV' })] });
        value(await store.updateRequest(sent, 1, []));
        const late = bump(sent, { handoffs: [{ ...sent.handoffs[0], overdue: true }] }, 2);
        value(await store.updateRequest(late, 2, []));
        expect(await store.countQueues('v-001')).toEqual({ precheck: 0, incoming: 0, accept: 0, paused: 0, decide: 0, deliver: 0, overdue: 2, rectify: 0 });
        expect(await store.countQueues('t-001')).toEqual({ precheck: 0, incoming: 2, accept: 1, paused: 1, decide: 2, deliver: 1, overdue: 2, rectify: 0 });
        expect(ids(await store.listQueue('t-001', 'overdue', PAGE))).toEqual(['r-decide2', 'r-pre']);
        const withdrawn = bump(late, { state: 'withdrawn', handoffs: [{ ...late.handoffs[0], state: 'returned' }] }, 3);
        value(await store.updateRequest(withdrawn, 3, []));
        expect(await store.countQueues('t-001')).toEqual({ precheck: 0, incoming: 1, accept: 1, paused: 1, decide: 2, deliver: 1, overdue: 1, rectify: 0 });
        expect(await store.countQueues('v-001')).toMatchObject({ overdue: 1 });
        const overduePage = await store.listQueue('t-001', 'overdue', { page: 1, pageSize: 1 });
        expect([overduePage.total, ids(overduePage)]).toEqual([1, ['r-decide2']]);
      });

      it('a scan range walks open requests by its column in pages: deadlines while accepted, unflagged handoffs in transit, writes while open', async () => {
        const accepted = (id: string, deadline: string, minutes: number) =>
          makeRequest({ id, idempotencyKey: id, state: 'accepted', holderCenterId: 't-001', acceptedAt: at(minutes), deadline, updatedAt: at(minutes) });
        const requests = [
          accepted('d-1', at(100), 1),
          accepted('d-2', at(200), 2),
          accepted('d-3', at(200), 3),
          makeRequest({ id: 'd-paused', idempotencyKey: 'dp', state: 'paused', holderCenterId: 't-001', deadline: at(150), updatedAt: at(4) }),
          makeRequest({
            id: 'h-1',
            idempotencyKey: 'h1',
            state: 'in_transit',
            holderCenterId: 't-001',
            handoffs: [makeHandoff({ sentAt: at(50) })],
            updatedAt: at(50),
          }),
          makeRequest({
            id: 'h-flagged',
            idempotencyKey: 'hf',
            state: 'in_transit',
            holderCenterId: 't-001',
            handoffs: [makeHandoff({ sentAt: at(40), overdue: true })],
            updatedAt: at(60),
          }),
          makeRequest({ id: 'c-closed', idempotencyKey: 'cc', state: 'closed', updatedAt: at(70) }),
        ];
        for (const r of requests) value(await store.createRequest(r, []));
        const walk = async (range: Parameters<Ports['listByClock']>[0], size: number) => {
          const seen: string[] = [];
          for (let after = null as Awaited<ReturnType<Ports['listByClock']>>['next'], i = 0; i < 20; i++) {
            const page = await store.listByClock(range, after, size);
            seen.push(...page.requests.map((r) => r.id));
            if (!page.next) return seen;
            after = page.next;
          }
          throw new Error('the walk did not end');
        };
        expect(await walk({ line: 'deadline', from: null, to: at(200) }, 1)).toEqual(['d-1']);
        expect(await walk({ line: 'deadline', from: at(100), to: null }, 1)).toEqual(['d-1', 'd-2', 'd-3']);
        expect(await walk({ line: 'deadline', from: at(150), to: at(201) }, 2)).toEqual(['d-2', 'd-3']);
        expect(await walk({ line: 'handoffSentAt', from: null, to: at(60) }, 5)).toEqual(['h-1']);
        expect(await walk({ line: 'changedAt', from: at(3), to: null }, 2)).toEqual(['d-3', 'd-paused', 'h-1', 'h-flagged']);
        const moved = bump(
          (await store.getRequest('d-1'))!,
          { state: 'approved', decision: { outcome: 'approved', reasons: '符合条件', by: 'c', at: at(80) } },
          80,
        );
        value(await store.updateRequest(moved, 1, []));
        expect(await walk({ line: 'deadline', from: null, to: null }, 10)).toEqual(['d-2', 'd-3']);
        expect(await walk({ line: 'changedAt', from: at(75), to: null }, 10)).toEqual(['d-1']);
      });

      it('finds the requests that carry an uploaded file, also after a supplement adds one', async () => {
        value(
          await store.createRequest(
            makeRequest({ id: 'r-f1', idempotencyKey: 'k-f1', materials: [{ name: '身份证', fileId: 'file-a', paperSeen: false }] }),
            [],
          ),
        );
        value(
          await store.createRequest(
            makeRequest({
              id: 'r-f2',
              idempotencyKey: 'k-f2',
              materials: [
                { name: '身份证', fileId: 'file-a', paperSeen: false },
                { name: '户口簿', fileId: 'file-b', paperSeen: false },
              ],
            }),
            [],
          ),
        );
        expect((await store.requestsWithFile('file-a', 10)).map((r) => r.id)).toEqual(['r-f1', 'r-f2']);
        expect((await store.requestsWithFile('file-a', 1)).map((r) => r.id)).toEqual(['r-f1']);
        expect(await store.requestsWithFile('file-c', 10)).toEqual([]);
        const f1 = (await store.getRequest('r-f1'))!;
        value(await store.updateRequest(bump(f1, { materials: [...f1.materials, { name: '补正', fileId: 'file-c', paperSeen: false }] }), 1, []));
        expect((await store.requestsWithFile('file-c', 10)).map((r) => r.id)).toEqual(['r-f1']);
      });

      it('open requests are walked by id in pages and closed ones are left out', async () => {
        await seed();
        const first = await store.listOpenRequests(null, 3);
        expect(first.map((r) => r.id)).toEqual(['r-accept', 'r-company', 'r-decide']);
        const rest = await store.listOpenRequests('r-decide', 100);
        expect(rest.map((r) => r.id)).toEqual(['r-decide2', 'r-deliver', 'r-paused', 'r-pre', 'r-transit']);
      });
    });
  });
}
