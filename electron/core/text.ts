// Text from files (exercise ids, history lines) on its way to a terminal or a spreadsheet.

/**
 * C0 controls except line feed, DEL, C1 controls (U+009B is CSI to some terminals) and the bidi overrides and
 * isolates that reorder what is shown. Escape sequences need ESC or CSI, so without these none can start.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every character a terminal could act on removed; line feeds stay. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** JSON text with C1 controls and bidi marks escaped too (JSON.stringify escapes only C0); still the same JSON value. */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
