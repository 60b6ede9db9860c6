/**
 * The Chinese wording of routing: why a matter goes where it goes, and what each intake
 * option means. One table, so that the wording can be reviewed and changed in one place.
 */
import type { IntakeChannel } from './routing.schema';

/** The names a template may use; `village` is the applicant's home village center, when any. */
export type ExplainNames = {
  decider: string;
  /** the official name of the decider's township (by its code), e.g. 太平镇; the entrusted explanation names it */
  deciderTownship: string;
  township: string;
  city: string;
  village?: string;
};

/** Which explanation fits a decision: the rule, plus the variant the applicant's situation calls for. */
export type ExplainKey =
  | 'ZONE'
  | 'ENTRUSTED'
  | 'ENTRUSTED_VIA_VILLAGE'
  | 'VILLAGE'
  | 'VILLAGE_NOT_OFFERED'
  | 'TOWNSHIP'
  | 'TOWNSHIP_VIA_VILLAGE'
  | 'SAME_AUTHORITY'
  | 'SAME_AUTHORITY_VIA_VILLAGE'
  | 'CITY'
  | 'CITY_VIA_VILLAGE';

type Template = (n: ExplainNames) => string;

/** Routing explanations a resident understands, keyed by rule and variant. */
export const ROUTE_EXPLAIN_ZH_CN: Record<ExplainKey, Template> = {
  ZONE: (n) => `您的企业位于经济开发区，这个事项由${n.decider}办理，区内事区内办。`,
  ENTRUSTED: (n) => `${n.deciderTownship}承接了市级下放的权力，这件事在${n.decider}就能办，不用跑市里。`,
  ENTRUSTED_VIA_VILLAGE: (n) =>
    `${n.deciderTownship}承接了市级下放的权力，这件事在${n.decider}就能办，不用跑市里。您也可以在${n.village}提交，村代办员帮您把材料送到镇上。`,
  VILLAGE: (n) => `这是村级事项，您所在的${n.village}就能办，小事不出村。`,
  VILLAGE_NOT_OFFERED: (n) => `这是村级事项，但${n.village}暂未开展，由${n.decider}办理。您仍可在${n.village}提交，村代办员帮您把材料送到镇上，大事不出镇。`,
  TOWNSHIP: (n) => `这件事由${n.decider}审批，可直接到镇上办理，大事不出镇。`,
  TOWNSHIP_VIA_VILLAGE: (n) => `这件事由${n.decider}审批。您可以就近在${n.village}提交，村代办员帮您把材料送到镇上，大事不出镇。`,
  SAME_AUTHORITY: (n) => `这个事项实行市县镇三级同权，由${n.decider}审批，不用跑市里，大事不出镇。`,
  SAME_AUTHORITY_VIA_VILLAGE: (n) => `这个事项实行市县镇三级同权，由${n.decider}审批，不用跑市里。您可以就近在${n.village}提交，村代办员帮您把材料送到镇上。`,
  CITY: (n) => `这件事由${n.city}办理，可在${n.township}提交后逐级移交，所有事不出城。`,
  CITY_VIA_VILLAGE: (n) => `这件事由${n.city}办理，可在${n.village}提交由代办员逐级移交，所有事不出城。`,
};

/** The names an intake note may use. */
export type NoteNames = { center: string; decider: string };

/** Which note fits an intake option: its channel, or the home village when it decides itself. */
export type NoteKey = IntakeChannel | 'home_village_decides';

/** Short notes on each intake option, keyed by channel. */
export const INTAKE_NOTES_ZH_CN: Record<NoteKey, (n: NoteNames) => string> = {
  home_village_decides: (n) => `在${n.center}直接办理，小事不出村`,
  home_village: (n) => `在家门口的${n.center}提交，村代办员帮办代办，逐级送到${n.decider}`,
  home_township: (n) => `在${n.center}提交，逐级送到${n.decider}`,
  decider: (n) => `到${n.center}直接办理`,
  bank: (n) => `政银合作：在${n.center}提交，送到${n.decider}办理`,
  citywide: (n) => `全市通办：在${n.center}提交，送到${n.decider}办理`,
  online: () => '网上申请，全程网办',
};
