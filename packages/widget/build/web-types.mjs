// JetBrains web-types (web-types.json, named by package.json's `web-types`), as Shoelace and Web Awesome ship them:
// WebStorm and the other JetBrains IDEs complete <campaign-entry>'s attributes, properties, events, CSS parts and
// custom properties in HTML and JSX from it. Written from the finished custom elements manifest, so both agree.
import { readFileSync, writeFileSync } from 'node:fs';

const SCHEMA = 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json';

const described = ({ name, description, type }) => ({
  name,
  ...(description ? { description } : {}),
  ...(type?.text ? { type: type.text } : {}),
});

/** web-types for every custom element in `manifest`, for the package described by `pkg`. */
export function toWebTypes(manifest, pkg) {
  const elements = manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((element) => ({
        name: element.tagName,
        description: [element.summary, element.description].filter(Boolean).join('\n\n'),
        'doc-url': `${pkg.homepage}`,
        source: { module: pkg.name, symbol: element.name },
        attributes: (element.attributes ?? []).map(({ name, description, type }) => ({
          name,
          ...(description ? { description } : {}),
          // An attribute is absent or a string: drop the property's `| undefined`.
          value: { type: (type?.text ?? 'string').replace(/ \| undefined$/u, '') },
        })),
        js: {
          properties: (element.members ?? [])
            .filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public')
            .map(described),
          events: (element.events ?? []).map(described),
        },
        css: {
          properties: (element.cssProperties ?? []).map(described),
          parts: (element.cssParts ?? []).map(described),
        },
      })),
  );
  return {
    $schema: SCHEMA,
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: { html: { elements } },
  };
}

/**
 * The analyzer plugin: writes `outFile` after the manifest is final (put it after the plugins that change it).
 * @param {{ outFile: string, packageJson: string }} options
 */
export function webTypes({ outFile, packageJson }) {
  return {
    name: 'web-types',
    packageLinkPhase({ customElementsManifest }) {
      const pkg = JSON.parse(readFileSync(packageJson, 'utf8'));
      writeFileSync(outFile, `${JSON.stringify(toWebTypes(customElementsManifest, pkg), null, 2)}\n`);
    },
  };
}
