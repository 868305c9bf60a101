/**
 * The CommonJS file `node --require` loads before the example app: it notes
 * every file Node loads as a module and every file read through `fs`, and
 * writes the list as JSON to the file named by `BORING_TRACE_OUT` when the
 * process ends. It runs inside the traced app, so it is plain CommonJS with
 * no dependencies, and it must never change what the app does.
 */
export const TRACER_SCRIPT = `'use strict'
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')

const out = process.env.BORING_TRACE_OUT
const files = new Set()
const note = (file) => {
  if (typeof file === 'string') files.add(path.resolve(file))
  else if (file instanceof URL && file.protocol === 'file:') {
    files.add(require('node:url').fileURLToPath(file))
  }
}

const load = Module.prototype.load
Module.prototype.load = function (filename) {
  note(filename)
  return load.apply(this, arguments)
}

// Some packages read or check their own data files (JSON, templates, the
// default favicon) through fs rather than require; those must survive
// pruning too. Only paths that turn out to be files are kept.
const watched = [
  'readFileSync',
  'readFile',
  'createReadStream',
  'statSync',
  'stat',
  'existsSync',
  'accessSync',
  'access',
]
for (const name of watched) {
  const original = fs[name]
  fs[name] = function (file) {
    note(file)
    return original.apply(this, arguments)
  }
}
const readFilePromise = fs.promises.readFile
fs.promises.readFile = function (file) {
  note(file)
  return readFilePromise.apply(this, arguments)
}
const statPromise = fs.promises.stat
fs.promises.stat = function (file) {
  note(file)
  return statPromise.apply(this, arguments)
}

let written = false
function flush() {
  if (written || !out) return
  written = true
  fs.writeFileSync(out, JSON.stringify([...files]))
}
process.on('exit', flush)
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    flush()
    process.exit(0)
  })
}
`
