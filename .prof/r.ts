import { splitRange } from '../cloudfunctions/core/stores/indicator.ranges';
for (const [a,b] of [['2026-01-01','2026-12-31'],['2026-01-15','2026-03-10'],['2026-01-15','2026-01-20'],['2026-02-01','2026-02-28'],['2025-12-02','2026-11-16'],['2026-01-31','2026-03-01']]) console.log(a,b,JSON.stringify(splitRange(a,b)));
