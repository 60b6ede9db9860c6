/**
 * The production entry shared by every deployed function: CloudBase store, OPENID from
 * the platform context only (never from the call's data), the same dispatch and envelope.
 */
import tcb from '@cloudbase/node-sdk';
import { dispatch, type FunctionDef } from './dispatch';
import { createDeps } from '../services/deps';
import { loadConfig } from '../services/config';
import { cloudSecrets } from '../services/secrets';
import { FILE_LINK_SECONDS } from '../services/file.access';
import { deployedFunction } from '../../functions.manifest';
import { internalErrorReport } from './call.log';
import { createCloudbaseStore } from '../stores/cloudbase.store';
import type { Deps } from '../services/context';
import type { Envelope } from '../../../shared/api.schema';

type App = ReturnType<typeof tcb.init>;
let warm: Promise<{ app: App; deps: Deps }> | null = null;

// The SDK rejects in the background when credentials are missing; log instead of crashing the instance.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection', reason instanceof Error ? reason.message : reason));

const init = async (name: string) => {
  const config = loadConfig();
  // before anything else: a function that hashes or encrypts without its keys must not run at all
  const secrets = cloudSecrets(config.keys, deployedFunction(name));
  const app = tcb.init({ env: config.cloud.env || tcb.SYMBOL_CURRENT_ENV });
  const store = await createCloudbaseStore({ app });
  const deps = await createDeps({ store, mode: 'cloud', secrets, fileLinks: tempFileUrls(app), ...config.deps });
  return { app, deps };
};

/** Temporary URLs of private cloud-storage files (10 minutes); a file the storage cannot sign is left out. */
const tempFileUrls =
  (app: App) =>
  async (fileIds: readonly string[]): Promise<Record<string, string>> => {
    const res = await app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: FILE_LINK_SECONDS })) });
    // the SDK types the entries as {code, fileID, tempFileURL}; the wire spells them fileid / download_url too
    const list = (res.fileList ?? []) as unknown as { code?: string; fileID?: string; fileid?: string; tempFileURL?: string; download_url?: string }[];
    return Object.fromEntries(
      list.flatMap((f) => {
        const id = f.fileID ?? f.fileid;
        const url = f.tempFileURL ?? f.download_url;
        return f.code === 'SUCCESS' && id && url && fileIds.includes(id) ? [[id, url]] : [];
      }),
    );
  };

/** The warm instance's SDK app and dependencies for the named deployed function, built on the first call and kept while the instance lives. */
export const cloudDeps = (name: string): Promise<{ app: App; deps: Deps }> => {
  warm ??= init(name).catch((e) => {
    warm = null;
    throw e;
  });
  return warm;
};

/** The caller's OPENID from the platform: the invocation context first, then the process environment. */
const openIdOf = (app: App, context: unknown): string | null =>
  (context ? (tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as { WX_OPENID?: string }).WX_OPENID : undefined) ||
  app.auth().getUserInfo().openId ||
  null;

/** Builds the `main(event, context)` a deployed function exports. */
export const cloudMain =
  (fn: FunctionDef) =>
  async (event: { action?: unknown; data?: unknown }, context?: unknown): Promise<Envelope<unknown>> => {
    const { app, deps } = await cloudDeps(fn.name);
    const openId = openIdOf(app, context);
    const { action, code, envelope, error } = await dispatch(fn, { action: event?.action, data: event?.data }, deps, openId);
    console.log(`fn ${fn.name}.${action} ${code}`);
    const report = internalErrorReport(fn.name, action, error);
    if (report) console.error(report);
    return envelope;
  };
