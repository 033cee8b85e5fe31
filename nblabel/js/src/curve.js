// The learning curve in the header: the model's metric per fit, as a small line.
// Python sends at most 50 points (progress.learning), so this stays tiny.

const W = 96;
const H = 24;
const SVG = "http://www.w3.org/2000/svg";

/** SVG polyline points for [[n_labels, metric], ...], metric in 0..1, in a W x H box. */
export function curvePoints(points, width = W, height = H) {
  if (!Array.isArray(points) || points.length === 0) return "";
  const xs = points.map((p) => p[0]);
  const lo = Math.min(...xs);
  const span = Math.max(...xs) - lo || 1;
  return points
    .map(([n, m]) => {
      const x = points.length === 1 ? width / 2 : ((n - lo) / span) * (width - 2) + 1;
      const y = height - 1 - Math.min(1, Math.max(0, m)) * (height - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/** What the curve says, for its tooltip and screen readers. */
export function curveText(learning) {
  const points = (learning && learning.points) || [];
  if (!points.length) return "";
  const [n, m] = points[points.length - 1];
  const name = learning.metric_name || "metric";
  const version = learning.model_version ? ` (model ${learning.model_version})` : "";
  return `Learning curve: ${name} ${(100 * m).toFixed(1)}% at ${n} labels${version}, ${points.length} fit(s)`;
}

export function createCurve() {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "nbl-curve");
  svg.setAttribute("width", String(W));
  svg.setAttribute("height", String(H));
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("data-testid", "learning-curve");
  const title = document.createElementNS(SVG, "title");
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.5");
  const dot = document.createElementNS(SVG, "circle"); // the newest fit, visible even alone
  dot.setAttribute("r", "2.5");
  dot.setAttribute("fill", "currentColor");
  svg.append(title, line, dot);
  svg.style.display = "none";
  return {
    el: svg,
    render(learning) {
      const text = curveText(learning);
      svg.style.display = text ? "" : "none";
      const points = curvePoints(learning && learning.points);
      line.setAttribute("points", points);
      const last = points ? points.split(" ").pop().split(",") : ["0", "0"];
      dot.setAttribute("cx", last[0]);
      dot.setAttribute("cy", last[1]);
      title.textContent = text;
      svg.setAttribute("aria-label", text || "Learning curve");
      svg.dataset.points = String(((learning && learning.points) || []).length);
    },
  };
}
