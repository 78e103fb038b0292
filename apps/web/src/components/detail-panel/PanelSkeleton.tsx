/** The panel while a tree loads, or before any tree is open. */
import { SkeletonLine } from '../Skeleton';

export function PanelSkeleton({ active }: { active: boolean }) {
  if (!active) {
    return (
      <div className="panel__section">
        <p className="panel__text">Details of the selected node appear here once a tree is open.</p>
      </div>
    );
  }
  return (
    <div className="panel__section" aria-hidden>
      <SkeletonLine width="60%" height={16} />
      <SkeletonLine width="40%" />
      <SkeletonLine width="50%" height={28} />
      <SkeletonLine width="100%" height={72} />
    </div>
  );
}
