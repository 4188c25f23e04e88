// The element's API documentation, from its JSDoc, so that the docs never disagree with the code.
//
//   node scripts/api-docs.mjs          (npm run docs:api)   writes custom-elements.json (the Custom
//                                       Elements Manifest, by @custom-elements-manifest/analyzer with
//                                       scripts/custom-elements-manifest.config.mjs) and the README's API
//                                       reference, between <!-- api:start --> and <!-- api:end -->,
//                                       made from that manifest
//   node scripts/api-docs.mjs --check  (npm run docs:check) writes nothing; fails, naming what is out
//                                       of date, if either file differs from what the sources give
//
// The README is otherwise hand-written: only the text between the markers is touched (the markers
// are added at its end when missing).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import * as prettier from 'prettier';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = `${ROOT}custom-elements.json`;
const README = `${ROOT}README.md`;
const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** The manifest as the analyzer makes it from the sources now. */
export async function analyze() {
  const manifest = await cli({
    argv: ['analyze', '--config', 'scripts/custom-elements-manifest.config.mjs'],
    cwd: ROOT,
    noWrite: true,
  });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Markdown table cell: one line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/gu, ' ')
    .replace(/\|/gu, '\\|')
    .trim();
}

function code(text) {
  return text === undefined || text === null || text === ''
    ? ''
    : `\`${cell(text).replace(/`/gu, "'")}\``;
}

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map((value) => value || ' ').join(' | ')} |`),
    '',
  ].join('\n');
}

function section(title, body) {
  return body ? `#### ${title}\n\n${body}\n` : '';
}

/** The API reference, formatted as `npm run format` would (so that the format check passes). */
export async function formattedApi(manifest) {
  const options = (await prettier.resolveConfig(README)) ?? {};
  return prettier.format(renderApi(manifest), { ...options, parser: 'markdown' });
}

/** The API reference of every custom element in the manifest, as Markdown. */
export function renderApi(manifest) {
  const out = [
    '## API reference',
    '',
    '_Generated from the JSDoc by `npm run docs:api` (the Custom Elements Manifest, `custom-elements.json`); edit the sources, not this section._',
    '',
  ];
  // Only a documented element's API is "everything of" it (not the base class's).
  const documented = new Set(
    manifest.modules.flatMap((module) =>
      (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.name),
    ),
  );
  for (const module of manifest.modules) {
    for (const element of module.declarations ?? []) {
      if (!element.customElement || !element.tagName) continue;
      // A subclass lists what it adds; what it inherits is documented with its superclass.
      const own = (items) => (items ?? []).filter((item) => !item.inheritedFrom);
      const members = own(element.members).filter((member) => !member.static);
      const fields = members.filter((member) => member.kind === 'field');
      const methods = members.filter((member) => member.kind === 'method');
      const attributes = own(element.attributes);
      out.push(`### \`<${element.tagName}>\`: \`${element.name}\``, '');
      if (element.summary) out.push(element.summary, '');
      if (element.description && element.description !== element.summary)
        out.push(element.description, '');
      if (element.superclass?.module && documented.has(element.superclass.name))
        out.push(
          `Everything of \`${element.superclass.name}\` (attributes, properties, methods, events, parts, custom properties), and:`,
          '',
        );
      out.push(
        `Class \`${element.name}\` in \`${module.path}\`.`,
        '',
        section(
          'Attributes',
          table(
            ['Attribute', 'Property', 'Type', 'Default', 'Description'],
            attributes.map((attribute) => [
              code(attribute.name),
              code(attribute.fieldName),
              code(attribute.type?.text),
              code(attribute.default),
              cell(attribute.description),
            ]),
          ),
        ),
        section(
          'Properties',
          table(
            ['Property', 'Attribute', 'Type', 'Default', 'Description'],
            fields.map((field) => [
              code(field.name),
              code(field.attribute),
              code(field.type?.text),
              code(field.default),
              cell(`${field.readonly ? '(read-only) ' : ''}${field.description ?? ''}`),
            ]),
          ),
        ),
        section(
          'Methods',
          table(
            ['Method', 'Returns', 'Description'],
            methods.map((method) => [
              code(
                `${method.name}(${(method.parameters ?? [])
                  .map(
                    (parameter) =>
                      `${parameter.name}${parameter.type ? `: ${parameter.type.text}` : ''}`,
                  )
                  .join(', ')})`,
              ),
              code(method.return?.type?.text),
              cell(method.description),
            ]),
          ),
        ),
        section(
          'Events',
          table(
            ['Event', 'Description'],
            own(element.events).map((event) => [code(event.name), cell(event.description)]),
          ),
        ),
        section(
          'Slots',
          table(
            ['Slot', 'Description'],
            own(element.slots).map((slot) => [
              slot.name ? code(slot.name) : '(default)',
              cell(slot.description),
            ]),
          ),
        ),
        section(
          'CSS parts',
          table(
            ['Part', 'Description'],
            own(element.cssParts).map((part) => [code(part.name), cell(part.description)]),
          ),
        ),
        section(
          'CSS custom properties',
          table(
            ['Property', 'Description'],
            own(element.cssProperties).map((property) => [
              code(property.name),
              cell(
                `${property.description ?? ''}${property.default ? ` Default: \`${property.default}\`.` : ''}`,
              ),
            ]),
          ),
        ),
      );
    }
  }
  return `${out
    .filter((line, index, all) => !(line === '' && all[index - 1] === ''))
    .join('\n')
    .trimEnd()}\n`;
}

/** `readme` with the text between the markers replaced by `api` (markers added at the end if missing). */
export function withApi(readme, api) {
  const block = `${START}\n\n${api}\n${END}`;
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return `${readme.trimEnd()}\n\n${block}\n`;
  return `${readme.slice(0, start)}${block}${readme.slice(end + END.length)}`;
}

async function main() {
  const check = process.argv.includes('--check');
  const manifest = await analyze();
  const readme = readFileSync(README, 'utf8');
  const expectedReadme = withApi(readme, await formattedApi(JSON.parse(manifest)));
  let current = '';
  try {
    current = readFileSync(MANIFEST, 'utf8');
  } catch {
    current = '';
  }
  if (check) {
    const stale = [];
    if (current !== manifest)
      stale.push('custom-elements.json does not match the JSDoc in src/element');
    if (readme !== withApi(readme, await formattedApi(JSON.parse(current || manifest)))) {
      stale.push('README.md’s API reference does not match custom-elements.json');
    } else if (readme !== expectedReadme) {
      stale.push('README.md’s API reference does not match the JSDoc in src/element');
    }
    if (stale.length > 0) {
      console.error(
        `${stale.map((line) => `✗ ${line}`).join('\n')}\nRun \`npm run docs:api\` and commit the result.`,
      );
      process.exitCode = 1;
    } else {
      console.log('✓ custom-elements.json and the README’s API reference match the sources.');
    }
    return;
  }
  if (current !== manifest) writeFileSync(MANIFEST, manifest);
  if (readme !== expectedReadme) writeFileSync(README, expectedReadme);
  console.log('Wrote custom-elements.json and the API reference in README.md.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
