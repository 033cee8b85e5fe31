// anywidget entry point of the map (nblabel.map): its own bundle, so the labeler's stays
// as small as it was and regl-scatterplot loads only where a map is shown.

import { mountMap } from "./map.js";

export default {
  render({ model, el }) {
    return mountMap({ model, el });
  },
};
