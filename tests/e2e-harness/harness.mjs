#!/usr/bin/env node
// Starts discord-digital-twin on 127.0.0.1 behind a validating REST proxy plus a control
// API for tests, prints one JSON line with the URLs, and runs until stdin closes or a
// SIGTERM/SIGINT arrives. Usage:
//   node harness.mjs --spec <openapi.json> [--token <bot token>] [--seed <seed.json>] [--ignore-stdin]
// The spec path may also come from DISCORD_API_SPEC.

import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import { parseArgs } from 'node:util'
import { SpecValidator } from './lib/validator.mjs'
import { Twin, LOOPBACK } from './lib/twin.mjs'
import { Recorder, createValidatingProxy } from './lib/proxy.mjs'
import { createControlServer } from './lib/control.mjs'

const here = path.dirname(url.fileURLToPath(import.meta.url))
const DEFAULT_SPEC = path.resolve(here, '../../../shared/discord-api-spec/openapi.json')

function fail(message) {
  process.stderr.write(`e2e-harness: ${message}\n`)
  process.exit(2)
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, LOOPBACK, () => resolve(server.address().port))
  })
}

function close(server) {
  return new Promise((resolve) => server.close(() => resolve()))
}

const { values: args } = parseArgs({
  options: {
    spec: { type: 'string' },
    token: { type: 'string' },
    seed: { type: 'string' },
    'ignore-stdin': { type: 'boolean', default: false },
  },
})

const specPath = path.resolve(args.spec ?? process.env.DISCORD_API_SPEC ?? DEFAULT_SPEC)
if (!fs.existsSync(specPath)) {
  fail(`Discord's OpenAPI spec was not found at ${specPath}. Pass --spec <path to openapi.json> or set DISCORD_API_SPEC.`)
}
let seed
if (args.seed) {
  try {
    seed = JSON.parse(fs.readFileSync(args.seed, 'utf8'))
  } catch (error) {
    fail(`Cannot read the seed file ${args.seed}: ${error.message}`)
  }
}

const validator = new SpecValidator(specPath)
const recorder = new Recorder()
const botToken = args.token ?? 'miraclecell-e2e-token'
const twin = new Twin({ botToken, seed })
await twin.start()

const proxy = createValidatingProxy({ validator, recorder, twinPort: twin.port, botToken })
const proxyPort = await listen(proxy)
const endpoints = () => ({
  api: `http://${LOOPBACK}:${proxyPort}/api/v10/`,
  gateway: `ws://${LOOPBACK}:${twin.port}/gateway`,
  control: `http://${LOOPBACK}:${controlPort}`,
  bot_token: botToken,
  application_id: twin.discord.botUserId,
  guild_id: twin.discord.guildId,
})
const control = createControlServer({ twin, recorder, endpoints })
const controlPort = await listen(control)

let stopping = false
async function shutdown() {
  if (stopping) {
    return
  }
  stopping = true
  await Promise.allSettled([close(proxy), close(control), twin.stop()])
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
if (!args['ignore-stdin']) {
  process.stdin.on('end', shutdown)
  process.stdin.on('close', shutdown)
  process.stdin.resume()
}

process.stdout.write(`${JSON.stringify(endpoints())}\n`)
