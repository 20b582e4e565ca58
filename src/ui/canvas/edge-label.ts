/**
 * Where a load balancer's edge carries its label: on the curve, halfway down the gap
 * between the load balancer and the cluster frames' top (`gapBottomY`), so the label
 * never sits on a frame's title; at the curve's middle when the edge does not cross
 * that gap. The curve is React Flow's bezier from a bottom handle to a top one, whose
 * control points lie half the height away (curvature 0.25, `calculateControlOffset`).
 */
export function edgeLabelPoint(
  source: { x: number; y: number },
  target: { x: number; y: number },
  gapBottomY: number,
  /** Which of a load balancer's edges this is, and how many it has: their labels stack. */
  lane = 0,
  lanes = 1,
): { x: number; y: number } {
  const dy = target.y - source.y;
  const c = Math.max(dy, 0) * 0.5;
  const at = (t: number) => {
    const u = 1 - t;
    const [a, b, d, e] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return {
      x: (a + b) * source.x + (d + e) * target.x,
      y: a * source.y + b * (source.y + c) + d * (target.y - c) + e * target.y,
    };
  };
  // Several edges leave one handle together: each label a row of its own, so none covers another.
  const wanted = (source.y + gapBottomY) / 2 + (lane - (lanes - 1) / 2) * 22;
  if (dy <= 0 || source.y >= gapBottomY || wanted >= target.y) return at(0.5);
  // y grows with t along this curve: a few halvings find the point.
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid).y < wanted) lo = mid;
    else hi = mid;
  }
  return at((lo + hi) / 2);
}
