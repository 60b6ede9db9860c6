/**
 * Which fields of an application form the name kept on this phone fills in: the applicant's own
 * name. Their ID number and phone come from the server, masked, where a field asks for them
 * (`prefill: ownIdNumber | ownPhone`, shared/form.schema `ownPrefill`): the phone never keeps
 * them. Fields about someone else (a child, a spouse) stay empty. Pure.
 */
import type { FormField } from '@shared/catalogue.schema';
import type { BoundIdentity } from '../../services/bound.identity';

const ABOUT_SOMEONE_ELSE = /子女|配偶|父|母|老人|逝者|死者|被|代理|新生儿|婴儿|儿童/;

/** A field about the applicant themself, as its label reads. */
const aboutApplicant = (f: FormField): boolean => !ABOUT_SOMEONE_ELSE.test(f.label);

/** The values the bound identity gives the form, by field key. */
export const prefilledValues = (fields: readonly FormField[], bound: BoundIdentity | null): Record<string, string> => {
  if (!bound) return {};
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (!aboutApplicant(f)) continue;
    if (f.type === 'text' && /姓名/.test(f.label)) out[f.key] = bound.name;
  }
  return out;
};
