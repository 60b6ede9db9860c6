/**
 * Who hears that a company's 企业管家 changed, and the Chinese words of each notice. A clerk's
 * message list is their center's (messages.list), so the notice goes to the chosen clerk's
 * center and names the clerk; when the previous officer served another center (the company
 * moved home), that center hears that its clerk no longer serves the company. Choosing the
 * same clerk tells no one.
 */
import type { Officer } from './company.schema';
import type { Notice } from './notify.rules';

/** The notice kind: in-app only (a center's notice is not a subscribe message). */
export const OFFICER_NOTICE_KIND = 'company.officer';

/** Who chose the officer, as the notice names them. */
export type OfficerChooser = { role: string; nameMasked?: string };

const chooserName = (c: OfficerChooser): string => (c.role === 'company' ? '企业管理员' : c.role === 'clerk' ? `代办员${c.nameMasked ?? ''}` : '市级管理员');
const clerkName = (o: Pick<Officer, 'nameMasked'>): string => `代办员${o.nameMasked ?? ''}`;

/** The notices of naming `next` the officer of `company` in place of `previous` (none when it is the same clerk). */
export const officerNotices = (
  company: { name: string; creditCode: string },
  next: Officer,
  previous: Officer | undefined,
  chooser: OfficerChooser,
  centerName: (id: string) => string,
): Notice[] => {
  if (previous?.userId === next.userId) return [];
  const by = chooserName(chooser);
  const before = previous && previous.centerId === next.centerId ? `${clerkName(previous)}不再担任。` : '';
  const named: Notice = {
    to: { centerId: next.centerId },
    kind: OFFICER_NOTICE_KIND,
    title: `${clerkName(next)}被指定为企业管家`,
    body: `${company.name}（${company.creditCode}）的企业管家由${by}指定为${clerkName(next)}，企业诉求将首先交给企业管家。${before}`,
  };
  if (!previous || previous.centerId === next.centerId) return [named];
  return [
    named,
    {
      to: { centerId: previous.centerId },
      kind: OFFICER_NOTICE_KIND,
      title: `${clerkName(previous)}不再担任企业管家`,
      body: `${company.name}（${company.creditCode}）的企业管家已由${by}改为${centerName(next.centerId)}的${clerkName(next)}。`,
    },
  ];
};
