/** Shared components; page-only parts live next to their page. */
export { Page } from './Page';
export { PrivacyPopup } from './PrivacyPopup';
export { StateView } from './StateView';
export { Section } from './Section';
export { PathChain } from './PathChain';
export { CenterCard, distanceText, townshipOf } from './CenterCard';
export { ItemCard } from './ItemCard';
export { VillagePicker } from './VillagePicker';
export { DeadlineBadge } from './DeadlineBadge';
export { presentDeadline, type DeadlineView } from './deadline.presenter';
export { DemandFacts } from './DemandFacts';
export { MaterialGrid } from './MaterialGrid';
export { UnreadBadge } from './UnreadBadge';
export { CodeEntry } from './CodeEntry';
export { DecisionNote } from './DecisionNote';
export { DialogFooter } from './DialogFooter';
export { SearchField } from './SearchField';
export { Switch } from './Switch';
