// anywidget entry point. Everything lives in the shell; this only wires render to it so
// anywidget's cleanup removes every listener the shell added.

import { mountShell } from "./shell/shell.js";

export default {
  render({ model, el }) {
    return mountShell({ model, el });
  },
};
