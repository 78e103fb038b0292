/** A few placeholder lines while an alert screen loads. */
import { SkeletonLine } from '../components/Skeleton';

export function ScreenLoading({ label }: { label: string }) {
  return (
    <div className="alerts-screen" aria-busy="true" role="status" aria-label={label}>
      <SkeletonLine width="30%" height={20} />
      <SkeletonLine width="90%" />
      <SkeletonLine width="80%" />
      <SkeletonLine width="85%" />
    </div>
  );
}
