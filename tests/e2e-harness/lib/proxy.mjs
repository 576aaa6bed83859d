// A REST proxy in front of the twin: records every request, validates it against the
// spec (with the documented rules layered on top), then forwards it unchanged.

import http from 'node:http'
import { LOOPBACK } from './twin.mjs'

const API_PREFIX = '/api/v10'
const MAX_BODY_BYTES = 26 * 1024 * 1024
const BODY_RECORD_LIMIT = 64 * 1024
const USER_AGENT_PATTERN = /^DiscordBot \(\S+, \S+\)/
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'])

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    request.on('data', (chunk) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body larger than 26 MiB'))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function parseForRecord(rawBody) {
  if (rawBody.length === 0) {
    return null
  }
  if (rawBody.length > BODY_RECORD_LIMIT) {
    return { truncated: true, bytes: rawBody.length }
  }
  try {
    return JSON.parse(rawBody.toString('utf8'))
  } catch {
    return { unparsed: rawBody.toString('utf8') }
  }
}

export class Recorder {
  constructor() {
    this.requests = []
    this.violations = []
    this.twinGaps = []
    this.nextId = 1
  }

  newRequestId() {
    return this.nextId++
  }

  // Entries recorded after request number `since`; requests carry `id`, the rest `request_id`.
  static since(list, since) {
    return since ? list.filter((item) => (item.request_id ?? item.id) > since) : [...list]
  }

  clear() {
    this.requests.length = 0
    this.violations.length = 0
    this.twinGaps.length = 0
  }
}

export function createValidatingProxy({ validator, recorder, twinPort, botToken }) {
  function violation(record, kind, errors) {
    recorder.violations.push({
      request_id: record.id,
      method: record.method,
      path: record.path,
      operation_id: record.operation_id,
      kind,
      errors,
    })
  }

  function check(record, request, rawBody) {
    const apiPath = record.path.startsWith(`${API_PREFIX}/`) ? record.path.slice(API_PREFIX.length) : null
    if (apiPath === null) {
      violation(record, 'path', [{ message: `request path must start with ${API_PREFIX}/ (set Discord:ApiBaseUrl to the "api" URL the harness printed)` }])
      return
    }
    const resolved = validator.resolve(record.method, apiPath)
    if (!resolved) {
      violation(record, 'unknown-operation', [{ message: `${record.method} ${apiPath} is not an operation in Discord's API description` }])
      return
    }
    record.operation_id = resolved.operation.operationId
    record.template = resolved.template

    const authorization = request.headers.authorization
    if (authorization !== undefined && authorization !== `Bot ${botToken}`) {
      violation(record, 'authorization', [{ message: 'Authorization header must be "Bot <token>" with the token the harness printed' }])
    } else if (authorization === undefined && !validator.allowsAnonymous(resolved)) {
      violation(record, 'authorization', [{ message: `${resolved.operation.operationId} needs "Authorization: Bot <token>"` }])
    }

    const userAgent = request.headers['user-agent'] ?? ''
    if (!USER_AGENT_PATTERN.test(userAgent)) {
      violation(record, 'user-agent', [{ message: `User-Agent must look like "DiscordBot (url, version)"; got "${userAgent}"` }])
    }

    const pathErrors = validator.validatePathParameters(resolved)
    if (pathErrors.length > 0) {
      violation(record, 'path-parameter', pathErrors)
    }
    const bodyErrors = validator.validateBody(resolved, request.headers['content-type'], rawBody)
    if (bodyErrors) {
      violation(record, 'body', bodyErrors)
    }
  }

  function forward(request, response, rawBody, record) {
    const headers = {}
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name)) {
        headers[name] = value
      }
    }
    headers.host = `${LOOPBACK}:${twinPort}`
    headers['content-length'] = String(rawBody.length)
    const upstream = http.request(
      { host: LOOPBACK, port: twinPort, method: request.method, path: request.url, headers },
      (upstreamResponse) => {
        const chunks = []
        upstreamResponse.on('data', (chunk) => chunks.push(chunk))
        upstreamResponse.on('end', () => {
          const body = Buffer.concat(chunks)
          record.status = upstreamResponse.statusCode
          // The twin answers routes it does not implement with a bare text 404.
          if (upstreamResponse.statusCode === 404 && body.toString('utf8') === 'Not Found') {
            recorder.twinGaps.push({ request_id: record.id, method: record.method, path: record.path, operation_id: record.operation_id ?? null })
          }
          const outHeaders = { ...upstreamResponse.headers }
          for (const name of HOP_BY_HOP) {
            delete outHeaders[name]
          }
          outHeaders['content-length'] = String(body.length)
          outHeaders['x-harness-request-id'] = String(record.id)
          response.writeHead(upstreamResponse.statusCode, outHeaders)
          response.end(body)
        })
      },
    )
    upstream.on('error', (error) => {
      record.status = 502
      response.writeHead(502, { 'content-type': 'application/json', 'x-harness-request-id': String(record.id) })
      response.end(JSON.stringify({ code: 0, message: `harness could not reach the twin: ${error.message}` }))
    })
    upstream.end(rawBody)
  }

  return http.createServer(async (request, response) => {
    const url = new URL(request.url, `http://${LOOPBACK}`)
    const record = {
      id: recorder.newRequestId(),
      method: request.method,
      path: url.pathname,
      query: url.search,
      operation_id: null,
      template: null,
      status: null,
      body: null,
    }
    recorder.requests.push(record)
    let rawBody
    try {
      rawBody = await readBody(request)
    } catch (error) {
      record.status = 413
      violation(record, 'body', [{ message: error.message }])
      response.writeHead(413, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ code: 40005, message: 'Request entity too large' }))
      return
    }
    record.body = parseForRecord(rawBody)
    try {
      check(record, request, rawBody)
    } catch (error) {
      violation(record, 'harness-error', [{ message: `validator failed: ${error.message}` }])
    }
    forward(request, response, rawBody, record)
  })
}
