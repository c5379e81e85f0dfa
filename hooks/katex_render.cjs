// Build-time KaTeX for hooks/math.py: one line of JSON in, one line of JSON out, until stdin closes.
// In:  [{"tex": "...", "display": true|false}, ...]   (one page's formulas)
// Out: [{"html": "..."} | {"error": "...", "tex": "..."}, ...]
"use strict";
const path = require("path");
const readline = require("readline");
const katex = require(path.resolve(process.argv[2], "katex"));  // argv[2]: the project's node_modules

// Characters KaTeX has no metrics for (Chinese, ①) are fine inside \text{}: the browser's font draws them.
const FINE_IN_TEXT = new Set(["unknownSymbol", "symbolNotInFont"]);

// Any other non-standard input KaTeX would accept leniently is reported, so it fails the build.
function strictness(warnings) {
  return (code, message) => {
    if (!FINE_IN_TEXT.has(code)) warnings.push(`${code}: ${message}`);
    return "ignore";
  };
}

function render(item) {
  const warnings = [];
  try {
    const html = katex.renderToString(item.tex, {
      displayMode: item.display,
      throwOnError: true,
      output: "htmlAndMathml",  // MathML for screen readers, HTML for the eye
      strict: strictness(warnings),
    });
    return warnings.length ? { error: warnings.join("; "), tex: item.tex } : { html };
  } catch (e) {
    return { error: String(e.message || e), tex: item.tex };
  }
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n");
});
