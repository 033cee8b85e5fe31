// The header line about other labelers of the same store (Python's `_others` trait).

/** "Also labeling: alice, bob" (+ the session count when it says more), "" for none. */
export function othersText(others) {
  const count = Number((others || {}).count) || 0;
  if (count <= 0) return "";
  const names = Array.isArray(others.names) ? others.names.map(String) : [];
  const who = names.length ? names.join(", ") : "someone";
  return names.length === count ? `Also labeling: ${who}` : `Also labeling: ${who} (${count} sessions)`;
}
