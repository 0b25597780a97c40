// Writes the numbering-plan data that src/WaOnboard.Core/Phone reads, trimmed from the "max"
// metadata of libphonenumber-js: formats (only needed for formatting) are dropped and the
// compact positional arrays become named fields, so the data file reads well in review.
// Usage: node trim-metadata.mjs <libphonenumber-js package folder> <output file>
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [packageFolder, output] = process.argv.slice(2)
const pkg = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8'))
const max = JSON.parse(readFileSync(join(packageFolder, 'metadata.max.json'), 'utf8'))
if (max.version !== 4) throw new Error(`metadata version ${max.version}: this script reads version 4`)

// Positions in the compact type array (libphonenumber-js source/metadata.js, getType()).
const TYPES = ['fixed-line', 'mobile', 'toll-free', 'premium-rate', 'personal-number', 'voicemail', 'uan', 'pager', 'voip', 'shared-cost']

function plan(compact) {
  const result = {
    callingCode: compact[0],
    internationalPrefix: compact[1] || null,
    pattern: compact[2],
    lengths: compact[3],
    nationalPrefix: compact[5] || null,
    nationalPrefixForParsing: compact[7] || null,
    nationalPrefixTransformRule: compact[8] || null,
    leadingDigits: compact[10] || null,
    types: {},
  }
  // Absent fields stay absent: smaller, and null means the same to the reader.
  for (const key of Object.keys(result)) if (result[key] === null) delete result[key]
  const types = compact[11] || []
  TYPES.forEach((name, i) => {
    const type = types[i]
    // An empty mobile pattern means "same as fixed line" (libphonenumber-js getNumberType()): kept as "".
    // Lengths are omitted when they are the plan's, as in the source.
    if (type) result.types[name] = type[1] ? { pattern: type[0], lengths: type[1] } : { pattern: type[0] }
  })
  return result
}

const data = {
  source: `libphonenumber-js ${pkg.version} metadata.max.json (MIT), derived from Google libphonenumber PhoneNumberMetadata.xml (Apache-2.0)`,
  version: pkg.version,
  callingCodes: max.country_calling_codes,
  regions: Object.fromEntries(Object.entries(max.countries).map(([region, compact]) => [region, plan(compact)])),
  nonGeographic: Object.fromEntries(Object.entries(max.nonGeographic).map(([code, compact]) => [code, plan(compact)])),
}
// One plan per line: a metadata refresh then shows in review as the regions that changed.
const lines = (map) => Object.entries(map).map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')
writeFileSync(output, `{
  "source": ${JSON.stringify(data.source)},
  "version": ${JSON.stringify(data.version)},
  "callingCodes": ${JSON.stringify(data.callingCodes)},
  "regions": {
${lines(data.regions)}
  },
  "nonGeographic": {
${lines(data.nonGeographic)}
  }
}
`)
