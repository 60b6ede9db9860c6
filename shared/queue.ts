import type { Request } from './request.schema';
import type { QueueName } from './api.schema';

/**
 * The work queue a request sits in at its holder center, derived from its state.
 * Stores keep it as a column so a clerk's queue is one indexed query.
 * `overdue` and `rectify` (a bad review waiting for its return call, at the deciding center)
 * are flags on top of this, not queues of their own state.
 */
export const queueOf = (r: Pick<Request, 'state' | 'holderCenterId' | 'deciderId'>): Exclude<QueueName, 'overdue' | 'rectify'> | null => {
  const atDecider = r.holderCenterId === r.deciderId;
  switch (r.state) {
    case 'submitted':
    case 'prechecked':
      return atDecider ? 'accept' : 'precheck';
    case 'in_transit':
      return 'incoming';
    case 'paused':
      return 'paused';
    case 'accepted':
      return 'decide';
    case 'approved':
    case 'refused':
      return 'deliver';
    default:
      return null;
  }
};

/** States in which a request is still open (the clock or a handoff may run late). */
export const OPEN_STATES: readonly Request['state'][] = ['submitted', 'prechecked', 'in_transit', 'accepted', 'paused', 'approved', 'refused'];
