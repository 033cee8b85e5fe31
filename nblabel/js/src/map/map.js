// The map widget: regl-scatterplot draws every item; a toolbar, the legend, the
// selection's counts, choice buttons and a strip of its items around it. Python holds the
// truth: points and colours come as buffers (a `points` reply, `colors` messages), the
// selection goes back as a buffer, and every action is a request (see `map` in
// protocol.json).

import createScatterplot from "regl-scatterplot";
import { MAP_REQUESTS, Requester } from "../protocol.js";
import { errorText, h } from "../shell/dom.js";
import { affineFrom, choiceForKey, decodePoints, pointColors, pointSize, setAll, setSome, splat, squareStarts, toRows, typed, visible } from "./points.js";
import { stripTiles } from "./strip.js";

const COLOR_BY = [
  ["label", "label"],
  ["prediction", "model's prediction"],
  ["uncertainty", "model's uncertainty"],
  ["disagreement", "label vs model"],
];
const POINTS_TIMEOUT_MS = 120000; // a million points take a few seconds to send
// Off the view (it shows [-1, 1]): compiled and drawn, never seen.
const WARM_POINTS = [
  [5, 5, 0],
  [5.1, 5, 1],
  [5, 5.1, 2],
];
// From this many points on, a WebGL drawn in software (no GPU: SwiftShader, llvmpipe)
// takes a second or more per frame: the map paints each new state on the CPU first (tens
// of milliseconds), and WebGL's frame replaces it when drawn.
const CPU_FRAME_MIN = 100000;

/** Whether WebGL is drawn in software (no GPU) here. */
function softwareWebGL(scatterplot) {
  try {
    const gl = scatterplot.get("renderer").regl._gl;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || "");
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch {
    return false;
  }
}

/** After the next frame was made (a rAF, then a task): what was painted before is in it. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function mountMap({ model, el }) {
  const requests = new Requester(model, { kinds: MAP_REQUESTS });
  const info = model.get("_info") || {};
  const choices = info.choices || [];
  const cleanups = [];
  const on = (target, type, fn, opts) => {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  };
  const onModel = (name, fn) => {
    model.on(name, fn);
    cleanups.push(() => model.off(name, fn));
  };

  // -- DOM ---------------------------------------------------------------------------------
  const lassoButton = h("button", { type: "button", className: "nbl-map-button", "data-testid": "map-lasso", "aria-pressed": "false", title: "Lasso (l): drag to select; off: drag pans. Shift+drag always lassos." }, "Lasso");
  const colorSelect = h("select", { className: "nbl-map-select", "data-testid": "map-color-by", "aria-label": "Colour the points by" });
  for (const [value, text] of COLOR_BY) colorSelect.append(h("option", { value, text: `colour: ${text}` }));
  const undoButton = h("button", { type: "button", className: "nbl-map-button", "data-testid": "map-undo", title: "Undo (u): a whole bulk label is one step" }, "Undo");
  const redoButton = h("button", { type: "button", className: "nbl-map-button", "data-testid": "map-redo", title: "Redo (Shift+U)" }, "Redo");
  const scopeButton = h("button", { type: "button", className: "nbl-map-button", "data-testid": "map-scope", "aria-pressed": "false", title: "Label the selection one by one in the labeler (o)" }, "Label these one by one");
  const coreButton = h("button", { type: "button", className: "nbl-map-button", "data-testid": "map-core", title: "Keep only the dense core of the selection (c): its fringe, where clusters meet, is left out" }, "Core");
  const clearButton = h("button", { type: "button", className: "nbl-map-button", "data-testid": "map-clear", title: "Clear the selection (Esc)" }, "Clear");
  const toolbar = h("div", { className: "nbl-map-toolbar" }, lassoButton, colorSelect, undoButton, redoButton, scopeButton, coreButton, clearButton);

  const canvas = h("canvas", { className: "nbl-map-canvas", "data-testid": "map-canvas" });
  // The CPU frame (see CPU_FRAME_MIN), over the WebGL canvas until WebGL has drawn.
  const quick = h("canvas", { className: "nbl-map-canvas nbl-map-quick", "data-testid": "map-quick" });
  quick.hidden = true;
  const plot = h("div", { className: "nbl-map-plot" }, canvas, quick);
  plot.style.height = `${model.get("height") || 460}px`;
  const loading = h("div", { className: "nbl-map-loading", text: "loading the points…" });
  plot.append(loading);
  const legend = h("div", { className: "nbl-map-legend", "data-testid": "map-legend" });

  const count = h("div", { className: "nbl-map-count", "data-testid": "map-count", "aria-live": "polite" });
  const choiceButtons = choices.map((c, i) => {
    const b = h(
      "button",
      { type: "button", className: "nbl-map-choice", "data-testid": "map-choice", "data-value": c.value, title: `Label the selection '${c.value}' (${c.key || i + 1}; Shift: also relabel items with another label)` },
      h("kbd", { text: c.key || "" }),
      ` ${c.value}`,
    );
    b.style.borderColor = c.color;
    return b;
  });
  const choicesRow = h("div", { className: "nbl-map-choices" }, ...choiceButtons);
  const strip = h("div", { className: "nbl-map-strip", "data-testid": "map-strip" });
  const status = h("div", { className: "nbl-map-status", "data-testid": "map-status", "aria-live": "polite" });
  const error = h("div", { className: "nbl-map-error", "data-testid": "map-error", role: "alert" });
  const root = h(
    "div",
    { className: "nbl-map", tabindex: "0", "data-testid": "nblabel-map", "data-state": "loading", "aria-label": "Map of the items: lasso a cluster, press 1-9 to label it" },
    toolbar,
    plot,
    legend,
    h("div", { className: "nbl-map-selection" }, count, choicesRow),
    strip,
    status,
    error,
  );
  el.append(root);
  root.dataset.renderAt = String(Date.now());

  // -- state ---------------------------------------------------------------------------------
  let scatterplot = null;
  let rows = null;
  let points = null; // the same as typed arrays {x, y, values}: what the CPU frame reads
  let starts = null; // where each point's square starts in the CPU frame, for `startsKey`
  let startsKey = "";
  let spatialIndex = null;
  let filter = null;
  let scale = "categorical";
  let selected = [];
  let lassoing = false;
  let stripUrls = [];
  let disposed = false;
  let drawing = Promise.resolve();
  let redrawWanted = false;
  let draws = 0;
  let colorsKey = "";
  let cpuFrames = false; // paint each new state on the CPU first (software WebGL, many points)
  let hiddenMask = null;
  let cpuPainted = 0; // CPU frames painted: one newer than WebGL's stays over it
  let cpuFrame = null; // a CPU frame painted, its frame not made yet
  let hovered = -1; // the labeler's item, last marked

  const showError = (err) => {
    error.textContent = err ? errorText(err) : "";
  };
  const ask = (kind, content = {}, opts = {}) => requests.request(kind, content, opts).catch((err) => {
    showError(err);
    throw err;
  });

  // -- drawing -------------------------------------------------------------------------------
  function applyLegend() {
    const lg = model.get("legend") || {};
    const colors = pointColors(lg);
    // A new legend mostly brings new counts only: setting the same colours would make
    // regl-scatterplot draw a frame, which takes a second for a million points in
    // software WebGL (and a bulk label's new values draw one anyway).
    const key = JSON.stringify(colors);
    if (scatterplot && key !== colorsKey) {
      colorsKey = key;
      scatterplot.set({ pointColor: colors, pointColorActive: colors.map((c) => [c[0], c[1], c[2], 1]), pointColorHover: colors.map((c) => [c[0], c[1], c[2], 1]) });
    }
    legend.replaceChildren();
    if (lg.kind === "ramp") {
      const bar = h("span", { className: "nbl-map-ramp" });
      bar.style.background = `linear-gradient(to right, ${(lg.colors || []).join(", ")})`;
      legend.append(h("span", { text: lg.low || "" }), bar, h("span", { text: lg.high || "" }));
    } else {
      for (const e of lg.entries || []) {
        const chip = h("span", { className: "nbl-map-chip" });
        chip.style.background = e.color;
        legend.append(h("span", { className: "nbl-map-legend-entry", "data-name": e.name }, chip, `${e.name} ${e.count ?? ""}`));
      }
    }
    if (lg.note) legend.append(h("span", { className: "nbl-map-note", text: lg.note }));
  }

  // One draw at a time (regl-scatterplot refuses a draw while one runs); a redraw asked for
  // meanwhile is made once, with the latest values.
  function redraw() {
    if (!scatterplot || !rows) return drawing;
    if (redrawWanted) return drawing;
    redrawWanted = true;
    drawing = drawing.then(() => {
      redrawWanted = false;
      if (disposed) return undefined;
      const painted = cpuPainted; // the state this draw shows
      const focus = focusIndex();
      if (focus >= 0) hovered = focus;
      return scatterplot
        .draw(rows, { spatialIndex, preventFilterReset: true, zDataType: scale, select: selected, filter: filter || undefined, hover: focus >= 0 ? focus : undefined, showReticleOnce: focus >= 0 })
        .then(() => {
          const at = String(Date.now());
          root.dataset.glDrawnAt = at;
          if (!cpuFrames) {
            draws += 1;
            root.dataset.draws = String(draws);
            root.dataset.drawnAt = at;
          }
          if (painted === cpuPainted) quick.hidden = true;
        });
    }).catch((err) => showError(err));
    return drawing;
  }

  // The CPU frame: every point painted on the CPU into the canvas over the WebGL one, in the
  // colours and the view WebGL is about to draw (its camera read from three points' screen
  // positions). Resolves once a frame holding it was made, the benchmark's "drawn" stamp.
  let image = null;
  function paintCpuFrame() {
    if (!cpuFrames || !rows || !scatterplot) return null;
    const affine = cameraAffine();
    if (!affine) return null;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.width || Math.round(canvas.clientWidth * dpr);
    const height = canvas.height || Math.round(canvas.clientHeight * dpr);
    if (!width || !height) return null;
    if (quick.width !== width || quick.height !== height) {
      quick.width = width;
      quick.height = height;
    }
    const ctx = quick.getContext("2d");
    if (!image || image.width !== width || image.height !== height) image = ctx.createImageData(width, height);
    const colors = pointColors(model.get("legend") || {});
    const sx = width / (canvas.clientWidth || width);
    const sy = height / (canvas.clientHeight || height);
    const scaled = [affine[0] * sx, affine[1] * sx, affine[2] * sx, affine[3] * sy, affine[4] * sy, affine[5] * sy];
    const size = scatterplot.get("pointSize") * dpr;
    // Rounded: the same view read from other points gives the same places.
    const key = [...scaled.map((v) => v.toFixed(3)), width, height, size].join();
    if (key !== startsKey) {
      starts = squareStarts(points.x, points.y, scaled, width, height, size);
      startsKey = key;
    }
    splat(image.data, width, height, points, colors, scaled, {
      starts,
      size,
      continuous: scale === "continuous",
      selected,
      hidden: hiddenMask,
      inactive: scatterplot.get("opacityInactiveScale"),
    });
    ctx.putImageData(image, 0, 0);
    cpuPainted += 1;
    quick.hidden = false;
    const made = nextFrame().then(() => {
      draws += 1;
      root.dataset.draws = String(draws);
      root.dataset.drawnAt = String(Date.now());
      root.dataset.cpuDrawnAt = root.dataset.drawnAt;
      if (cpuFrame === made) cpuFrame = null;
    });
    cpuFrame = made;
    return made;
  }

  // Where WebGL draws data coordinates now (CSS pixels of the canvas): the affine map that
  // three drawn points (not on one line) and their screen positions give.
  function cameraAffine() {
    const drawn = scatterplot.get("points") || [];
    const picked = [];
    for (let i = 0; i < drawn.length && picked.length < 3; i++) {
      const p = drawn[i];
      if (!p) continue;
      const trial = [...picked, i];
      if (trial.length === 3 && !affineFrom(trial.map((j) => drawn[j]), [[0, 0], [1, 0], [0, 1]])) continue;
      if (trial.length === 2 && drawn[picked[0]][0] === p[0] && drawn[picked[0]][1] === p[1]) continue;
      picked.push(i);
    }
    if (picked.length < 3) return null;
    return affineFrom(
      picked.map((j) => drawn[j]),
      picked.map((j) => scatterplot.getScreenPosition(j)),
    );
  }

  function focusIndex() {
    const focus = model.get("focus");
    return Number.isInteger(focus) && focus >= 0 && rows && focus < rows.length ? focus : -1;
  }

  // The labeler's item, marked on the map. Each hover draws a WebGL frame (a second for a
  // million points in software): only when the item changed, the redraws carry it.
  function highlightFocus() {
    // A WebGL frame started now would hold the CPU frame back until it is drawn.
    if (cpuFrame) {
      cpuFrame.then(highlightFocus);
      return;
    }
    if (redrawWanted) return; // the redraw on its way marks it
    const focus = focusIndex();
    if (scatterplot && focus >= 0 && focus !== hovered) {
      hovered = focus;
      scatterplot.hover(focus, { showReticleOnce: true, preventEvent: true });
    }
  }

  function makeScatterplot(n) {
    const size = plot.getBoundingClientRect();
    return createScatterplot({
      canvas,
      width: Math.max(1, Math.floor(size.width)),
      height: Math.max(1, Math.floor(size.height)),
      pointSize: pointSize(n),
      pointSizeSelected: 2,
      pointOutlineWidth: 1,
      opacityInactiveScale: 0.4,
      colorBy: "valueA",
      lassoColor: [0.1, 0.1, 0.1, 1],
      lassoMinDelay: 10,
      lassoMinDist: 2,
      backgroundColor: [1, 1, 1, 1],
      deselectOnDblClick: false,
      deselectOnEscape: false,
      performanceMode: n > 2000000,
      // Its worker gets the points by structured clone, a million little arrays: a second
      // more than building the index here (0.3 s) on this 2-core machine.
      spatialIndexUseWorker: false,
    });
  }

  async function loadPoints() {
    // Timestamps for the benchmark: asked, answered, drawn (drawnAt).
    root.dataset.pointsAskedAt = String(Date.now());
    const answer = ask("points", {}, { timeout: POINTS_TIMEOUT_MS });
    // While Python answers, the scatterplot is made and draws three points: its shaders
    // are compiled then (a software WebGL compiles them at their first draw, seconds
    // under load), not after the points came. The camera is set before the real draw,
    // so that its first frame is the one shown (a second frame of a million points costs
    // as much as the first).
    const info = model.get("_info") || {};
    scatterplot = makeScatterplot(info.n || 0);
    scatterplot.zoomToArea({ x: -1, y: -1, width: 2, height: 2 });
    const warm = scatterplot.draw(WARM_POINTS, { zDataType: "categorical" }).catch(() => {});
    const { msg, buffers } = await answer;
    root.dataset.pointsAt = String(Date.now());
    const { x, y, values } = decodePoints(msg, buffers);
    rows = toRows(x, y, values);
    points = { x, y, values: Float32Array.from(values) };
    scale = msg.scale || "categorical";
    filter = visible(msg.n, msg.hidden);
    if (msg.hidden && msg.hidden.length) {
      hiddenMask = new Uint8Array(msg.n);
      for (const i of msg.hidden) hiddenMask[i] = 1;
    }
    if (pointSize(msg.n) !== pointSize(info.n || 0)) scatterplot.set({ pointSize: pointSize(msg.n) });
    applyLegend();
    subscribe();
    await warm;
    cpuFrames = msg.n >= CPU_FRAME_MIN && softwareWebGL(scatterplot);
    root.dataset.cpuFrames = String(cpuFrames);
    // The warm-up points are drawn: their screen positions give the camera.
    const first = paintCpuFrame();
    if (first) {
      loading.remove();
      await first;
      root.dataset.shownAt = root.dataset.drawnAt;
    }
    const focus = focusIndex();
    if (focus >= 0) hovered = focus;
    await scatterplot.draw(rows, { zDataType: scale, filter: filter || undefined, hover: focus >= 0 ? focus : undefined, showReticleOnce: focus >= 0 });
    quick.hidden = true;
    spatialIndex = scatterplot.get("spatialIndex");
    // For tests and benchmarks: where a point is drawn, in CSS pixels of the canvas.
    root.screenPosition = (i) => scatterplot.getScreenPosition(i);
    loading.remove();
    root.dataset.state = "ready";
    root.dataset.points = String(msg.n);
    root.dataset.glDrawnAt = String(Date.now());
    if (!root.dataset.shownAt) root.dataset.shownAt = root.dataset.glDrawnAt;
    root.dataset.drawnAt = root.dataset.shownAt;
    draws = 0;
    root.dataset.draws = "0";
    highlightFocus();
  }

  function subscribe() {
    scatterplot.subscribe("lassoStart", () => {
      lassoing = true;
    });
    scatterplot.subscribe("select", ({ points }) => {
      const wasLasso = lassoing;
      lassoing = false;
      selected = Array.from(points);
      sendSelection();
      // A click on one point (not a lasso) opens its item in the labeler.
      if (!wasLasso && selected.length === 1) openItem(selected[0]);
    });
    scatterplot.subscribe("deselect", () => {
      lassoing = false;
      if (!selected.length) return;
      selected = [];
      sendSelection();
    });
  }

  function sendSelection() {
    root.dataset.selected = String(selected.length);
    root.dataset.selectAt = String(Date.now());
    requests
      .request("select", {}, { buffers: [new Uint32Array(selected)] })
      .then(() => {
        root.dataset.selectedAt = String(Date.now());
      })
      .catch((err) => showError(err));
  }

  function openItem(index) {
    ask("open", { index }).catch(() => {});
  }

  function label(value, overwrite) {
    if (!selected.length) {
      showError(new Error("nothing selected: lasso some points first (l, or Shift+drag)"));
      return;
    }
    root.dataset.labeling = "1";
    root.dataset.labelAt = String(Date.now()); // for the benchmark: key -> recoloured
    ask("label", { value, overwrite })
      .then(() => {
        root.dataset.labelRepliedAt = String(Date.now()); // for the benchmark
        showError(null);
      })
      .catch(() => {})
      .finally(() => {
        delete root.dataset.labeling;
      });
  }

  function undo() {
    root.dataset.undoAt = String(Date.now()); // for the benchmark: key -> recoloured
    ask("undo")
      .then(() => {
        root.dataset.undoRepliedAt = String(Date.now());
      })
      .catch(() => {});
  }

  // Python keeps the densest share of the selection and answers with the rows kept.
  function core() {
    if (!selected.length) {
      showError(new Error("nothing selected: lasso some points first (l, or Shift+drag)"));
      return;
    }
    ask("core", {})
      .then(({ buffers }) => {
        selected = Array.from(typed(buffers[0], Uint32Array));
        root.dataset.selected = String(selected.length);
        if (scatterplot) scatterplot.select(selected, { preventEvent: true });
      })
      .catch(() => {});
  }

  function setLasso(onOff) {
    if (scatterplot) scatterplot.set({ mouseMode: onOff ? "lasso" : "panZoom" });
    lassoButton.setAttribute("aria-pressed", String(onOff));
  }

  function clearSelection() {
    if (scatterplot) scatterplot.deselect({ preventEvent: true });
    selected = [];
    sendSelection();
  }

  // -- Python's side -----------------------------------------------------------------------
  function onCustom(msg, buffers) {
    if (!msg || !rows) return;
    if (msg.kind === "colors") {
      root.dataset.colorsAt = String(Date.now()); // for the benchmark: Python's share
      scale = msg.scale || scale;
      if (msg.full) setAll(rows, typed(buffers[0], Float32Array), points.values);
      else setSome(rows, typed(buffers[0], Uint32Array), typed(buffers[1], Float32Array), points.values);
      applyLegend();
      // The new colours on the CPU first, shown before WebGL's slow frame holds the page.
      const painted = paintCpuFrame();
      if (painted) painted.then(redraw);
      else redraw();
    } else if (msg.kind === "select") {
      selected = Array.from(typed(buffers[0], Uint32Array));
      root.dataset.selected = String(selected.length);
      if (scatterplot) {
        if (selected.length) scatterplot.select(selected, { preventEvent: true });
        else scatterplot.deselect({ preventEvent: true });
      }
    }
  }
  onModel("msg:custom", onCustom);

  let stripVersion = -1;
  function renderSelection() {
    const sel = model.get("_selection") || {};
    const n = sel.count || 0;
    const parts = (sel.labels || []).map((l) => `${l.name} ${l.count}`).join(" · ");
    count.textContent = n ? `${n} selected${parts ? ` — ${parts}` : ""}${sel.failed ? ` · ${sel.failed} could not be loaded (left out of labels)` : ""}` : "Nothing selected: lasso a cluster (l, or Shift+drag), or click a point.";
    for (const b of choiceButtons) b.disabled = !n;
    scopeButton.disabled = !n && !model.get("scoped");
    coreButton.disabled = n < 3;
    if (sel.version !== stripVersion) {
      stripVersion = sel.version;
      loadStrip(sel.version, n);
    }
  }

  function loadStrip(version, n) {
    if (!n) {
      clearStrip();
      return;
    }
    strip.dataset.state = "loading";
    ask("strip", {})
      .then(({ msg, buffers }) => {
        if (disposed || version !== stripVersion) return;
        clearStrip();
        const colors = new Map(choices.map((c) => [c.value, c.color]));
        const made = stripTiles(msg.items || [], buffers, { colorOf: (v) => colors.get(v) || "#888", onOpen: openItem });
        stripUrls = made.urls;
        strip.append(...made.tiles);
        strip.dataset.state = "ready";
        strip.dataset.version = String(version);
      })
      .catch(() => {
        strip.dataset.state = "error";
      });
  }

  function clearStrip() {
    for (const url of stripUrls) URL.revokeObjectURL(url);
    stripUrls = [];
    strip.replaceChildren();
    strip.dataset.state = "empty";
  }

  const renderStatus = () => {
    status.textContent = model.get("status") || "";
  };
  const renderError = () => showError(model.get("error") ? new Error(model.get("error")) : null);
  const renderScoped = () => {
    const scoped = Boolean(model.get("scoped"));
    scopeButton.setAttribute("aria-pressed", String(scoped));
    scopeButton.textContent = scoped ? "Back to the whole queue" : "Label these one by one";
  };
  const renderColorBy = () => {
    colorSelect.value = model.get("color_by");
  };
  onModel("change:_selection", renderSelection);
  onModel("change:status", renderStatus);
  onModel("change:error", renderError);
  onModel("change:scoped", renderScoped);
  onModel("change:legend", applyLegend);
  onModel("change:color_by", renderColorBy);
  onModel("change:focus", highlightFocus);
  renderSelection();
  renderStatus();
  renderError();
  renderScoped();
  renderColorBy();

  // -- the user's side -----------------------------------------------------------------------
  on(lassoButton, "click", () => setLasso(lassoButton.getAttribute("aria-pressed") !== "true"));
  on(colorSelect, "change", () => {
    model.set("color_by", colorSelect.value);
    model.save_changes();
  });
  on(undoButton, "click", undo);
  on(redoButton, "click", () => ask("redo").catch(() => {}));
  on(scopeButton, "click", () => ask("scope", { on: !model.get("scoped") }).catch(() => {}));
  on(coreButton, "click", core);
  on(clearButton, "click", clearSelection);
  choiceButtons.forEach((b, i) => {
    on(b, "click", (event) => label(choices[i].value, event.shiftKey));
  });
  on(canvas, "pointerdown", () => root.focus({ preventScroll: true }));
  on(root, "keydown", (event) => {
    if (event.target !== root && event.target !== canvas) {
      if (event.target && event.target.closest && event.target.closest("select, input, textarea")) return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const value = choiceForKey(event, choices);
    let handled = true;
    if (value !== null) label(value, event.shiftKey);
    else if (event.key === "u") undo();
    else if (event.key === "U") ask("redo").catch(() => {});
    else if (event.key === "l" || event.key === "L") setLasso(lassoButton.getAttribute("aria-pressed") !== "true");
    else if (event.key === "o" || event.key === "O") ask("scope", { on: !model.get("scoped") }).catch(() => {});
    else if (event.key === "c" || event.key === "C") core();
    else if (event.key === "Escape") clearSelection();
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  // The plot is drawn once it has a size (the output area may not be laid out yet), and
  // follows it when it changes.
  let started = false;
  const resize = new ResizeObserver(() => {
    const size = plot.getBoundingClientRect();
    if (!size.width || !size.height) return;
    if (!started) {
      started = true;
      loadPoints().catch((err) => {
        loading.textContent = `the points could not be loaded: ${errorText(err)}`;
        root.dataset.state = "error";
      });
    } else if (scatterplot) {
      scatterplot.set({ width: Math.floor(size.width), height: Math.floor(size.height) });
    }
  });
  resize.observe(plot);
  cleanups.push(() => resize.disconnect());

  return () => {
    disposed = true;
    for (const fn of cleanups.splice(0)) fn();
    clearStrip();
    requests.dispose();
    if (scatterplot) scatterplot.destroy();
    root.remove();
  };
}
