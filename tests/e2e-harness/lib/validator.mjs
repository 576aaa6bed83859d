// Validates REST requests against Discord's OpenAPI 3.1 description (JSON Schema 2020-12).
// Operations are found by method + path template; schemas compile lazily and are cached.

import fs from 'node:fs'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { applyDocsOverlay } from './docs-overlay.mjs'

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module
const addFormats = addFormatsModule.default ?? addFormatsModule

const SPEC_ID = 'https://miraclecell.invalid/discord-openapi.json'
const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options'])
const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1

function escapePointerToken(token) {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'))
}

function pointer(...tokens) {
  return `${SPEC_ID}#/${tokens.map(escapePointerToken).join('/')}`
}

function createAjv() {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    // The spec's "discriminator" keyword is informational only; oneOf does the work.
    discriminator: false,
  })
  addFormats(ajv)
  // OpenAPI's numeric formats and Discord's own string formats.
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX,
  })
  ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) })
  ajv.addFormat('double', { type: 'number', validate: (n) => Number.isFinite(n) })
  ajv.addFormat('snowflake', { type: 'string', validate: (s) => /^(0|[1-9][0-9]*)$/.test(s) })
  ajv.addFormat('nonce', true)
  return ajv
}

function compileTemplate(template) {
  const segments = template.split('/').filter((s) => s.length > 0)
  const params = []
  const literalCount = segments.filter((s) => !s.startsWith('{')).length
  const pattern = segments
    .map((segment) => {
      const match = /^\{(.+)\}$/.exec(segment)
      if (match) {
        params.push(match[1])
        return '([^/]+)'
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return { template, params, literalCount, segmentCount: segments.length, regex: new RegExp(`^/${pattern}/?$`) }
}

function describeError(error) {
  return {
    instance_path: error.instancePath,
    schema_path: error.schemaPath,
    keyword: error.keyword,
    params: error.params,
    message: error.message ?? error.keyword,
  }
}

export class SpecValidator {
  constructor(specPath) {
    let text
    try {
      text = fs.readFileSync(specPath, 'utf8')
    } catch (error) {
      throw new Error(`Cannot read the Discord OpenAPI spec at ${specPath}: ${error.message}. Pass --spec <path to openapi.json>.`)
    }
    this.spec = JSON.parse(text)
    if (typeof this.spec.openapi !== 'string' || !this.spec.paths) {
      throw new Error(`${specPath} is not an OpenAPI document (no "openapi"/"paths" keys).`)
    }
    this.overlay = applyDocsOverlay(this.spec)
    this.ajv = createAjv()
    this.ajv.addSchema({ ...this.spec, $id: SPEC_ID })
    this.templates = Object.keys(this.spec.paths)
      .map(compileTemplate)
      // A literal segment beats a parameter: /messages/@original before /messages/{message_id}.
      .sort((a, b) => b.literalCount - a.literalCount || b.segmentCount - a.segmentCount)
    this.cache = new Map()
  }

  /** Finds the operation for METHOD + path (already stripped of /api/v10). */
  resolve(method, path) {
    const lower = method.toLowerCase()
    const decodedPath = path
      .split('/')
      .map((segment) => {
        try {
          return decodeURIComponent(segment)
        } catch {
          return segment
        }
      })
      .join('/')
    for (const template of this.templates) {
      const match = template.regex.exec(decodedPath)
      if (!match) {
        continue
      }
      const pathItem = this.spec.paths[template.template]
      const operation = pathItem[lower]
      if (!operation || !HTTP_METHODS.has(lower)) {
        continue
      }
      const pathParams = Object.fromEntries(template.params.map((name, i) => [name, match[i + 1]]))
      return { template: template.template, method: lower, operation, pathItem, pathParams }
    }
    return null
  }

  /** The operation's security allows calls without the bot token (interaction callbacks, webhook tokens). */
  allowsAnonymous(resolved) {
    const security = resolved.operation.security ?? this.spec.security ?? []
    return security.some((requirement) => Object.keys(requirement).length === 0)
  }

  validatePathParameters(resolved) {
    const declared = [...(resolved.pathItem.parameters ?? []), ...(resolved.operation.parameters ?? [])]
    const problems = []
    for (const parameter of declared) {
      if (parameter.in !== 'path' || !parameter.schema) {
        continue
      }
      const value = resolved.pathParams[parameter.name]
      if (value === undefined) {
        continue
      }
      const index = declared.indexOf(parameter)
      const inPathItem = index < (resolved.pathItem.parameters ?? []).length
      const ref = inPathItem
        ? pointer('paths', resolved.template, 'parameters', String(index), 'schema')
        : pointer('paths', resolved.template, resolved.method, 'parameters', String(index - (resolved.pathItem.parameters ?? []).length), 'schema')
      const validate = this.compile(ref)
      if (!validate(value)) {
        problems.push(...validate.errors.map((e) => ({ ...describeError(e), instance_path: `{${parameter.name}}` })))
      }
    }
    return problems
  }

  /** Returns null when the body is acceptable, otherwise a list of problems. */
  validateBody(resolved, contentType, rawBody) {
    const requestBody = resolved.operation.requestBody
    const hasBody = rawBody.length > 0
    if (!requestBody) {
      return hasBody ? [{ keyword: 'requestBody', message: 'this operation takes no request body', instance_path: '', schema_path: '', params: {} }] : null
    }
    if (!hasBody) {
      return requestBody.required ? [{ keyword: 'required', message: 'this operation requires a JSON request body', instance_path: '', schema_path: '', params: {} }] : null
    }
    const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase()
    if (mediaType !== 'application/json') {
      return [{ keyword: 'contentType', message: `body sent as "${mediaType || 'no content type'}"; this harness (and the twin) only accept application/json`, instance_path: '', schema_path: '', params: {} }]
    }
    if (!requestBody.content?.['application/json']) {
      return [{ keyword: 'contentType', message: 'this operation does not accept application/json', instance_path: '', schema_path: '', params: {} }]
    }
    let body
    try {
      body = JSON.parse(rawBody.toString('utf8'))
    } catch (error) {
      return [{ keyword: 'json', message: `body is not valid JSON: ${error.message}`, instance_path: '', schema_path: '', params: {} }]
    }
    const validate = this.compile(pointer('paths', resolved.template, resolved.method, 'requestBody', 'content', 'application/json', 'schema'))
    return validate(body) ? null : validate.errors.map(describeError)
  }

  compile(ref) {
    let validate = this.cache.get(ref)
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref })
      this.cache.set(ref, validate)
    }
    return validate
  }
}
