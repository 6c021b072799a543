// Drops the indentation inside the element's own `html` and `css` templates (and, in CSS, comments and the spaces
// around punctuation). HTML and CSS read a run of whitespace as one, so a newline alone renders the same. Line breaks
// stay, so source maps keep pointing at the right lines.

const html = (text) => text.replace(/[ \t]*\n[ \t]*/gu, '\n');

const css = (text) =>
  html(text.replace(/\/\*[\s\S]*?\*\//gu, (comment) => comment.replace(/[^\n]/gu, '')))
    .replace(/[ \t]*([{};,>])[ \t]*/gu, '$1')
    .replace(/:[ \t]+/gu, ':')
    .replace(/;(\n?)\}/gu, '$1}');

const MINIFY = { html, css };

/**
 * @param {(id: string) => boolean} include which modules' templates to minify (after TypeScript is stripped)
 * @returns {import('rollup').Plugin}
 */
export function minifyTemplates(include) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include(id) || !/\b(?:html|css)`/u.test(code)) return null;
      const edits = [];
      const visit = (node) => {
        if (node?.type === 'TaggedTemplateExpression' && Object.hasOwn(MINIFY, node.tag.name)) {
          const minify = MINIFY[node.tag.name];
          for (const quasi of node.quasi.quasis) edits.push([quasi.start, quasi.end, minify(quasi.value.raw)]);
        }
        for (const value of Object.values(node ?? {})) {
          if (Array.isArray(value)) for (const item of value) visit(item);
          else if (typeof value?.type === 'string') visit(value);
        }
      };
      visit(this.parse(code));
      let minified = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
        minified = minified.slice(0, start) + text + minified.slice(end);
      }
      // Only template text changed, line breaks kept: the existing source map still fits.
      return { code: minified, map: null };
    },
  };
}
