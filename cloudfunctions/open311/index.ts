/**
 * Deployed cloud function `open311`, HTTP-triggered (CloudBase HTTP access service at /open311):
 * the platform's HTTP event in, its integration response out, the same edge as the local gateway.
 */
import { cloudDeps } from '../core/edge/cloud.main';
import { internalErrorReport } from '../core/edge/call.log';
import { createOpen311Edge, type Open311Edge } from './open311.edge';

/** The HTTP event of the CloudBase HTTP access service (the fields this function reads). */
export type HttpEvent = {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
};

let edge: Promise<Open311Edge> | null = null;

/** Answers one HTTP call in the integration-response form `{statusCode, headers, body, isBase64Encoded}`. */
export const main = async (event: HttpEvent) => {
  edge ??= cloudDeps('open311')
    .then(({ deps }) => createOpen311Edge(deps))
    .catch((e) => {
      edge = null;
      throw e;
    });
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
  const query = new URLSearchParams(Object.entries(event.queryStringParameters ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  const out = await (
    await edge
  ).handle({
    method: (event.httpMethod ?? 'GET').toUpperCase(),
    path: event.path ?? '/',
    query,
    body,
    contentType: headers['content-type'],
    baseUrl: `https://${headers.host ?? 'localhost'}/open311/v2`,
  });
  console.log(`open311 ${out.op} ${out.code} ${out.status}`);
  const report = internalErrorReport('open311', out.op, out.error);
  if (report) console.error(report);
  return { statusCode: out.status, headers: out.headers, body: out.body, isBase64Encoded: false };
};
