/**
 * The cold-start reference: a function bundle that holds only `@cloudbase/node-sdk` and answers
 * without work, bundled as the deployed functions are. No deployed function can load faster
 * than the SDK every one of them carries.
 */
import tcb from '@cloudbase/node-sdk';

/** Answers at once; the SDK is loaded, not initialised. */
export const main = async () => ({ ok: true, data: { sdk: typeof tcb.init } });
