/**
 * The dashboard's panels, in the order they show. A panel is one component taking
 * `PanelProps` (panel.kit.ts); adding one is one line here.
 */
import type { Panel } from './panel.kit';
import { SettledPanel } from './SettledPanel';
import { AreaPanel } from './AreaPanel';
import { IntakePanel } from './IntakePanel';
import { HandoffPanel } from './HandoffPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { CertifyPanel } from './CertifyPanel';
import { DemandsPanel } from './DemandsPanel';

export const PANELS: readonly Panel[] = [
  { id: 'settled', Component: SettledPanel },
  { id: 'area', Component: AreaPanel },
  { id: 'intake', Component: IntakePanel },
  { id: 'reviews', Component: ReviewsPanel },
  { id: 'handoff', Component: HandoffPanel },
  { id: 'demands', Component: DemandsPanel },
  { id: 'certify', Component: CertifyPanel },
];

export type { Panel, PanelProps } from './panel.kit';
