/**
 * What the applicant may do on their request now. Which buttons show is the lifecycle's
 * answer (`allowedEvents`, as on the clerk's page), never a rule of the page. A rating is also
 * bound to its window (5 working days after delivery or decision), which the lifecycle judges
 * only when it takes the step, so the rating is tried on the machine and the result dropped.
 */
import type { RequestView, UserView } from '@shared/api.schema';
import { requestOfView } from '@shared/request.view';
import { allowedEvents, transition } from '@shared/request.machine';
import type { Actor, Request } from '@shared/request.schema';

/** The applicant's buttons on a request. */
export type ApplicantActions = { withdraw: boolean; supplement: boolean; rate: boolean };

/** Nothing to offer: no request or no signed-in applicant yet. */
export const NO_APPLICANT_ACTIONS: ApplicantActions = { withdraw: false, supplement: false, rate: false };

/** The signed-in resident or company member as the lifecycle sees them. */
export const applicantActor = (user: Pick<UserView, 'id' | 'role' | 'companyId' | 'nameMasked'>): Actor => ({
  userId: user.id,
  role: user.role,
  companyId: user.companyId,
  name: user.nameMasked,
});

// the level does not matter to the window; a good one keeps the trial from opening a rectification
const TRIAL_RATING = { type: 'rate', level: '满意', comment: '' } as const;

/** Whether the lifecycle would still take a rating at `now`; a calendar it cannot judge leaves the answer to the server. */
const ratingWindowOpen = (request: Request, actor: Actor, now: string): boolean => {
  const step = transition(request, TRIAL_RATING, actor, now);
  return step.ok || step.error.code !== 'RATING_WINDOW_CLOSED';
};

/** What this applicant may do on this request at `now`. */
export const applicantActions = (request: RequestView, actor: Actor, now: string): ApplicantActions => {
  const r: Request = requestOfView(request);
  const events = allowedEvents(r, actor);
  return {
    withdraw: events.includes('withdraw'),
    supplement: events.includes('supplement'),
    rate: events.includes('rate') && ratingWindowOpen(r, actor, now),
  };
};
