// The plugin table: every object the widget shows and every control tag it labels with is
// one module registered here with one line. The shell knows none of them by name, so adding
// a Label Studio tag is one module plus one line below (Python registers its side of the
// tag in nblabel's tag registry).
//
// A VIEW is `create(spec, {request}) -> view` for an object of `_schema.objects` (`spec`:
// {name, type, value, attrs}); `request(kind, content)` asks Python (protocol.js). A view
// has `el`, `loading()` and `show(entry)` (entry: a prepared cache item, cache.js); control
// plugins find the views of their `to_name` and use what else the view offers.
//
// A CONTROL plugin is {name, claims(control, objects), keys, create(ctx), perRegion?}:
//   claims    whether it drives this `_schema.controls` entry; the first plugin in the
//             table that claims a control gets it (so order matters only where two could),
//             plugins with `first: true` being asked before all others
//   keys      KeyboardEvent.key values it always takes (besides its controls' hotkeys):
//             each is reserved in protocol.json, so Python's default hotkeys avoid them
//   create    ctx -> instance, or null when it has nothing to do; ctx is {controls (the
//             ones it claimed, schema order), allControls, objects, views ([{spec, view}]),
//             root, canEdit() (the item on screen takes edits), onEdit() (call after every
//             change: marks the item edited), onHint(message), request(kind, content,
//             options) (ask Python, protocol.js), assist ({on, timeout} with assist= in
//             Python: the smart tools' `assist` request), act(action) (run a shell
//             action such as "submit"), onSelect(region|null) (a plugin drawing regions
//             calls it whenever its selected region changes: {id, to_name, from_name,
//             labeling: [control names], labels, noun, text})}
//   perRegion true: the plugin answers its perRegion="true" controls itself (the ranges'
//             per-range Choices). Otherwise the host gives a plugin's per-region controls
//             an instance of their own, made with create() as for whole-item ones, and
//             points it at the selected region (perregion.js): a Choices, Rating, Number or
//             TextArea plugin needs nothing more to work per region.
// An instance has (all optional; what it lacks it does not take part in):
//   sections   [{title, el, control}] shown where the config puts `control` (the layout
//              tree's slot; without `control`: the controls area); `panels` after them
//   regions()  the regions it drew, as onSelect describes them (not pending predictions):
//              per-region answers are kept for these and owed by them
//   hotkeys    [{key, control, value, text?, weak?}] key bindings (keys.js hotkeyMap): a key
//              goes to pick(control, value); `text` makes a help row; a weak binding never
//              takes a key another control binds
//   shortcuts  [{keys, text}] more rows for the help dialog
//   pick(name, value)  a hotkey or a click on a button with data-control/data-value
//   handleKey(event)   first look at every key press; true when it used it
//   deleteSelected() / relate() / canRelate   Delete/Backspace; "r" (relations)
//   load(key, result, {predictions})   the item on screen and its stored (or suggested) result
//   result()     its Label Studio result items for a submit
//   missing()    names of its required controls left empty (the submit is refused)
//   problems()   sentences for values that cannot be submitted (out of range, ...)
//   snapshot() / restore(snap)   keep and put back its state around a failed submit
//   dispose()    remove every listener it added
//
// Plugins that draw regions tell plugins that answer per region (perRegion="true") which
// regions exist and which is selected through one event on `root` (regionbus.js).

import { choicesPlugin } from "./controls/choices.js";
import { datetimePlugin } from "./controls/datetime.js";
import { numberPlugin } from "./controls/number.js";
import { pairwisePlugin } from "./controls/pairwise.js";
import { paragraphLabelsPlugin } from "./controls/paragraphlabels.js";
import { rangePlugin } from "./controls/ranges/plugin.js";
import { rankerPlugin } from "./controls/ranker.js";
import { ratingPlugin } from "./controls/rating.js";
import { regionPlugin } from "./controls/regions/plugin.js";
import { spanPlugin } from "./controls/spans/plugin.js";
import { taxonomyPlugin } from "./controls/taxonomy.js";
import { textareaPlugin } from "./controls/textarea.js";
import { createChatView } from "./views/chat.js";
import { createHeaderView } from "./views/header.js";
import { createHyperTextView } from "./views/hypertext.js";
import { createImageView } from "./views/image.js";
import { createListView } from "./views/list.js";
import { createParagraphsView } from "./views/paragraphs.js";
import { createTableView } from "./views/table.js";
import { createTextView } from "./views/text.js";
import { createTimeSeriesView } from "./views/timeseries/view.js";

export const VIEWS = {
  image: createImageView,
  list: createListView,
  text: createTextView,
  timeseries: createTimeSeriesView,
  header: createHeaderView,
  hypertext: createHyperTextView,
  paragraphs: createParagraphsView,
  table: createTableView,
  chat: createChatView,
};

// Table order is the order of the controls area and of the result items.
export const CONTROLS = [
  choicesPlugin, // Choices (whole item)
  ratingPlugin, // Rating
  numberPlugin, // Number
  // Before the spans: a <Labels> of an image labels image regions (the OCR template).
  regionPlugin, // RectangleLabels, PolygonLabels, KeyPointLabels, BrushLabels, EllipseLabels, Rectangle, Polygon, KeyPoint, Brush, Ellipse, Labels on an image
  spanPlugin, // Labels, Relations
  rangePlugin, // TimeSeriesLabels, per-region Choices of a time series
  datetimePlugin, // DateTime
  taxonomyPlugin, // Taxonomy
  pairwisePlugin, // Pairwise
  rankerPlugin, // Ranker (+ Bucket) on a List
  paragraphLabelsPlugin, // ParagraphLabels
  textareaPlugin, // TextArea (whole item and per region)
];
