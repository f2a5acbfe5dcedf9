/** Text a user must never see in a message: internal block names, JavaScript errors, stacks. */
export const INTERNAL_TEXT = [
  /block at [A-Z]+\d/,
  /number formats for \d+ columns/,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|EvalError)\b/,
  /Cannot read propert/,
  /is not a function/,
  /is not iterable/,
  /\bundefined\b/,
  /\bNaN\b/,
  /\bInfinity\b/,
  /^\s+at .+:\d+:\d+\)?$/m,
  /central directory/i,
  /\bBug\b/,
  /Unexpected (token|end|close)/,
  /Unclosed root tag|Invalid character in entity|Text data outside of root node/i,
  /unexpected problem stopped the run/,
];
