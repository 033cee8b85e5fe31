// The error area: Python's `error` trait, the errors of the item on screen (a broken image,
// a missing object) and the browser's own (a failed request, a refused submit), each shown
// once. The browser's own are few and go away with the next edit or action.

import { h } from "./dom.js";

const MAX_MESSAGES = 4;

export function createErrors(model, { errorList, errorArea }) {
  let local = []; // request failures, validation
  let item = []; // errors of the item on screen

  function render() {
    const messages = [];
    const traitError = model.get("error");
    if (traitError) messages.push(String(traitError));
    for (const m of [...item, ...local]) if (!messages.includes(m)) messages.push(m);
    errorList.replaceChildren(...messages.map((m) => h("li", { text: m })));
    errorArea.hidden = messages.length === 0;
  }

  return {
    render,
    add(message) {
      local = [...local.filter((m) => m !== message), message].slice(-MAX_MESSAGES);
      render();
    },
    clearLocal() {
      if (!local.length) return;
      local = [];
      render();
    },
    /** The errors of the item now on screen (replacing the last item's). */
    setItem(messages) {
      item = messages;
      render();
    },
    dismiss() {
      local = [];
      item = [];
      if (model.get("error")) {
        model.set("error", "");
        model.save_changes();
      }
      render();
    },
  };
}
