/** Placeholders with the shape of what is loading, so the layout does not jump. */

export function SkeletonLine({ width = '100%', height = 12 }: { width?: string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden />;
}

/** A few node-shaped cards in a tree shape, while the tree view loads. */
export function CanvasSkeleton() {
  const cards = [
    { left: '50%', top: '14%' },
    { left: '26%', top: '44%' },
    { left: '50%', top: '44%' },
    { left: '74%', top: '44%' },
  ];
  return (
    <div className="canvas-skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">Loading the tree…</span>
      {cards.map((card) => (
        <div key={`${card.left}-${card.top}`} className="canvas-skeleton__card" style={card}>
          <SkeletonLine width="60%" />
          <SkeletonLine width="45%" height={20} />
          <SkeletonLine width="80%" height={16} />
        </div>
      ))}
    </div>
  );
}
