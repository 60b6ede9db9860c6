/**
 * company: the company side of 邹城通办 (issue 12). Claims and their check sit in
 * company.claims.ts, members in company.members.ts, the 企业管家 in company.officer.ts; this
 * file composes them.
 */
import { CompanyInput, CompanyOutput } from '../../shared/api.company.schema';
import { defineFunction } from '../core/edge/dispatch';
import { claimHandlers } from './company.claims';
import { memberHandlers } from './company.members';
import { officerHandlers } from './company.officer';

export const company = defineFunction('company', { input: CompanyInput, output: CompanyOutput }, { ...claimHandlers, ...memberHandlers, ...officerHandlers });
