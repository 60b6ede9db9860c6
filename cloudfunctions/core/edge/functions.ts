/**
 * Every cloud function of the API surface, by name, for the local gateway and the tests.
 * Each deployed function bundles only its own handlers (see cloudfunctions/<name>/index.ts).
 */
import type { FunctionDef } from './dispatch';
import { session } from '../../session/session.handlers';
import { directory } from '../../directory/directory.handlers';
import { requests } from '../../requests/requests.handlers';
import { clerk } from '../../clerk/clerk.handlers';
import { files } from '../../files/files.handlers';
import { messages } from '../../messages/messages.handlers';
import { admin } from '../../admin/admin.handlers';
import { company } from '../../company/company.handlers';
import { demands } from '../../demands/demands.handlers';
import { bookings } from '../../bookings/bookings.handlers';
import { certify } from '../../certify/certify.handlers';

export const FUNCTIONS: Record<string, FunctionDef> = {
  session,
  directory,
  requests,
  clerk,
  files,
  messages,
  admin,
  company,
  demands,
  bookings,
  certify,
} as unknown as Record<string, FunctionDef>;
