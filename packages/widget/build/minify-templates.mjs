// Drops the indentation inside the element's own `html` and `css` templates and `unsafeCSS(`…`)` strings (and, in
// CSS, comments and the spaces around punctuation). HTML and CSS read a run of whitespace as one, so a newline alone
// renders the same. HTML keeps its line breaks; a static stylesheet's go after the expression, as JavaScript
// whitespace the minifier drops: either way source maps keep pointing at the right lines.

const html = (text) => text.replace(/[ \t]*\n[ \t]*/gu, '\n');

const css = (text) =>
  html(text.replace(/\/\*[\s\S]*?\*\//gu, (comment) => comment.replace(/[^\n]/gu, '')))
    .replace(/[ \t]*([{};,>])[ \t]*/gu, '$1')
    .replace(/:[ \t]+/gu, ':')
    .replace(/;(\n?)\}/gu, '$1}');

const MINIFY = { html, css };

/** A stylesheet with nothing interpolated on one line, and the line breaks that took. */
const oneLine = (text) => {
  const lines = text.split('\n').length - 1;
  return [
    css(text)
      .replace(/\n/gu, ' ')
      .replace(/ ?([{};,>]) ?/gu, '$1')
      .trim(),
    '\n'.repeat(lines),
  ];
};

/**
 * @param {(id: string) => boolean} include which modules' templates to minify (after TypeScript is stripped)
 * @returns {import('rollup').Plugin}
 */
export function minifyTemplates(include) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include(id) || !/\b(?:html`|css`|unsafeCSS\()/u.test(code)) return null;
      const edits = [];
      const visit = (node) => {
        const sheet =
          node?.type === 'CallExpression' &&
          node.callee.name === 'unsafeCSS' &&
          node.arguments[0]?.type === 'TemplateLiteral' &&
          node.arguments[0].expressions.length === 0
            ? node.arguments[0].quasis[0]
            : undefined;
        if (sheet) {
          const [text, breaks] = oneLine(sheet.value.raw);
          edits.push([sheet.start, sheet.end, text], [node.end, node.end, breaks]);
        } else if (node?.type === 'TaggedTemplateExpression' && Object.hasOwn(MINIFY, node.tag.name)) {
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
