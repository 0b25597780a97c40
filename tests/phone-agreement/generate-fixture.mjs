// Writes the agreement fixture: inputs and libphonenumber-js's verdict on each, for the xunit test
// that checks WaOnboard.Phone against it (tests/WaOnboard.Tests/Phone/PhoneAgreementTests.cs).
// Usage: node generate-fixture.mjs <output file>
//
// The "max" metadata carries no example numbers except mobile ones (examples.mobile.json), so an
// example of every other type is drawn from the type's own pattern by a seeded generator: the same
// package version always gives the same fixture, which check.sh relies on.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

const require = createRequire(import.meta.url)
const metadata = require('libphonenumber-js/metadata.max.json')
const mobileExamples = require('libphonenumber-js/examples.mobile.json')
const { version } = require('libphonenumber-js/package.json')

const TYPES = ['fixed-line', 'mobile', 'toll-free', 'premium-rate', 'personal-number', 'voicemail', 'uan', 'pager', 'voip', 'shared-cost']
const TYPE_NAMES = {
  FIXED_LINE: 'fixed-line', MOBILE: 'mobile', FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile', TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate', SHARED_COST: 'shared-cost', VOIP: 'voip', PERSONAL_NUMBER: 'personal-number',
  PAGER: 'pager', UAN: 'uan', VOICEMAIL: 'voicemail',
}

// mulberry32: small, seeded, the same on every machine.
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// A string matching a metadata pattern. The patterns use only digits, \d, classes, (?:...), | and
// quantifiers ({n}, {n,m}, ?), which is all this reads.
function sample(pattern, rnd) {
  let i = 0
  const pick = (n) => Math.floor(rnd() * n)
  function alternation() {
    const branches = [sequence()]
    while (pattern[i] === '|') { i++; branches.push(sequence()) }
    return () => branches[pick(branches.length)]()
  }
  function sequence() {
    const parts = []
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      const atom = single()
      let min = 1, max = 1
      if (pattern[i] === '?') { i++; min = 0 }
      else if (pattern[i] === '{') {
        const end = pattern.indexOf('}', i)
        const [a, b] = pattern.slice(i + 1, end).split(',')
        min = Number(a); max = b === undefined ? min : Number(b); i = end + 1
      }
      parts.push(() => {
        let text = ''
        for (let count = min + pick(max - min + 1); count > 0; count--) text += atom()
        return text
      })
    }
    return () => parts.map((part) => part()).join('')
  }
  function single() {
    const c = pattern[i]
    if (c === '(') {
      i += pattern.startsWith('(?:', i) ? 3 : 1
      const group = alternation()
      i++
      return group
    }
    if (c === '[') {
      const end = pattern.indexOf(']', i)
      const body = pattern.slice(i + 1, end).replace(/\\d/g, '0-9'); i = end + 1
      const chars = []
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          for (let d = body.charCodeAt(k); d <= body.charCodeAt(k + 2); d++) chars.push(String.fromCharCode(d))
          k += 2
        } else chars.push(body[k])
      }
      return () => chars[pick(chars.length)]
    }
    if (c === '\\') { i += 2; return () => String(pick(10)) }
    i++
    return () => c
  }
  return alternation()()
}

function example(pattern, lengths, seed) {
  const rnd = random(seed)
  const full = new RegExp(`^(?:${pattern})$`)
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = sample(pattern, rnd)
    if (full.test(candidate) && lengths.includes(candidate.length)) return candidate
  }
  return null
}

// National numbers written in groups with varying separators, as people write them.
function grouped(digits, rnd) {
  const separators = [' ', ' ', '-', '.', '']
  const separator = separators[Math.floor(rnd() * separators.length)]
  const groups = []
  for (let k = 0; k < digits.length;) {
    const size = 2 + Math.floor(rnd() * 3)
    groups.push(digits.slice(k, k + size)); k += size
  }
  if (groups.length > 2 && rnd() < 0.2) groups[0] = `(${groups[0]})`
  return groups.join(separator)
}

function verdict(input, defaultRegion) {
  const number = parsePhoneNumberFromString(input, defaultRegion ? { defaultCountry: defaultRegion } : undefined)
  const valid = number ? number.isValid() : false
  return {
    valid,
    e164: valid ? number.number : null,
    region: valid ? number.country ?? null : null,
    type: valid ? TYPE_NAMES[number.getType()] ?? 'unknown' : 'unknown',
  }
}

const cases = []
// example: the type the input was drawn from; kind: the notation, or the near miss made of it.
const add = (example, kind, input, defaultRegion) => cases.push({ example, kind, input, defaultRegion, ...verdict(input, defaultRegion) })
const fromDoubleZero = (compact) => new RegExp(`^(?:${compact[1]})$`).test('00')

function examplesOf(key, compact, seed) {
  const found = []
  const types = compact[11] || []
  TYPES.forEach((type, t) => {
    const definition = types[t]
    if (!definition || !definition[0]) return
    const nsn = example(definition[0], definition[1] || compact[3], seed * 16 + t)
    if (nsn) found.push({ type, nsn })
  })
  const mobile = mobileExamples[key]
  if (mobile && !found.some((e) => e.nsn === mobile)) found.push({ type: 'mobile-example', nsn: mobile })
  return found
}

function variants(key, compact, region, seed) {
  const rnd = random(seed)
  const code = compact[0]
  for (const { type, nsn } of examplesOf(key, compact, seed)) {
    add(type, 'example', `+${code} ${grouped(nsn, rnd)}`, null)
    if (region) {
      const nationalPrefix = compact[5]
      add(type, 'national', `${nationalPrefix || ''}${grouped(nsn, rnd)}`, region)
      add(type, '00', `00 ${code} ${grouped(nsn, rnd)}`, fromDoubleZero(compact) ? region : 'FR')
    }
    if (type.startsWith('mobile')) add(type, 'tel', `tel:+${code}-${nsn}`, null)
    add(type, 'one-more', `+${code} ${nsn}${Math.floor(rnd() * 10)}`, null)
    add(type, 'one-less', `+${code} ${nsn.slice(0, -1)}`, null)
    add(type, 'lead-changed', `+${code} ${(Number(nsn[0]) + 1) % 10}${nsn.slice(1)}`, null)
    if (region) add(type, 'national-one-less', `${compact[5] || ''}${nsn.slice(0, -1)}`, region)
  }
}

let seed = 1
for (const [region, compact] of Object.entries(metadata.countries)) variants(region, compact, region, seed++)
for (const [code, compact] of Object.entries(metadata.nonGeographic)) variants(code, compact, null, seed++)

const lines = cases.map((c) => '    ' + JSON.stringify(c)).join(',\n')
writeFileSync(process.argv[2], `{
  "source": "libphonenumber-js ${version} (parsePhoneNumberFromString from libphonenumber-js/max), generated by tests/phone-agreement/generate-fixture.mjs",
  "cases": [
${lines}
  ]
}
`)
console.log(`${cases.length} cases, ${cases.filter((c) => c.valid).length} valid`)
