/** The tracking number a resident quotes (ZC + China date + a short code), made where a request is created. */
import { chinaCompactDateOf } from '../../../shared/china.time';
import { nowIso, type Deps } from './context';

/** A new tracking number for a request created now. */
export const newTrackingNo = (ctx: { deps: Pick<Deps, 'now' | 'newCode'> }): string => `ZC${chinaCompactDateOf(nowIso(ctx))}${ctx.deps.newCode()}`;
