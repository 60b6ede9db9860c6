/**
 * Reading a request view (what an answer carries) as a request, for the lifecycle's questions
 * the app asks (which buttons to offer). Type-only imports: the app bundles no schema for it.
 */
import type { RequestView } from './api.schema';
import type { Request } from './request.schema';

/** A view read as a request: nothing a view leaves out (idempotency key, hashes, slip codes) decides a step. */
export const requestOfView = (view: RequestView): Request => ({
  ...view,
  idempotencyKey: '',
  handoffs: view.handoffs.map((h) => ({ ...h, code: h.code ?? '' })),
});
