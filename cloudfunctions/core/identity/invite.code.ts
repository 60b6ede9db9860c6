/**
 * Where an invitation code leads: the id of its stored invitation is a keyed hash of the
 * code, so the table holds no usable code and a redeemer's code finds its invitation directly.
 */
import { keyedHash } from './token';

/** The invitation id of a code under the deployment's secret. */
export const inviteIdOf = (code: string, secret: string): string => `inv-${keyedHash(`invite:${code}`, secret).slice(0, 40)}`;
