// The control API tests use to drive the twin as Discord users would and to read what the
// bot did. JSON in and out, snake_case like Discord. Waiting endpoints take wait_ms and
// answer 408 when the condition did not hold in time.

import http from 'node:http'
import { ControlError } from './twin.mjs'
import { Recorder } from './proxy.mjs'

const APPLICATION_COMMAND = 2
const MESSAGE_COMPONENT = 3
const APPLICATION_COMMAND_AUTOCOMPLETE = 4
const BUTTON = 2
const STRING_SELECT = 3
const MAX_WAIT_MS = 60_000
const POLL_INTERVAL_MS = 20

function sendJson(response, status, value) {
  const body = JSON.stringify(value)
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  response.end(body)
}

async function readJson(request) {
  const chunks = []
  for await (const chunk of request) {
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.length === 0) {
    return {}
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ControlError(400, `Body is not JSON: ${error.message}`)
  }
}

function waitMs(url) {
  const raw = url.searchParams.get('wait_ms')
  if (raw === null) {
    return 0
  }
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    throw new ControlError(400, 'wait_ms must be a non-negative number of milliseconds')
  }
  return Math.min(value, MAX_WAIT_MS)
}

function intParam(url, name, fallback) {
  const raw = url.searchParams.get(name)
  if (raw === null) {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new ControlError(400, `${name} must be a non-negative integer`)
  }
  return value
}

// Polls until produce() returns a value other than undefined, or the deadline passes.
async function waitFor(produce, timeoutMs, description) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await produce()
    if (value !== undefined) {
      return value
    }
    if (Date.now() >= deadline) {
      throw new ControlError(408, `Timed out after ${timeoutMs} ms waiting for ${description}`)
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
  }
}

function requireString(body, name, example) {
  const value = body[name]
  if (typeof value !== 'string' || value.length === 0) {
    throw new ControlError(400, `Missing "${name}" (${example}).`)
  }
  return value
}

async function requireUserAndChannel(twin, body) {
  const userId = requireString(body, 'user_id', 'the id of a user from GET /state or POST /users')
  const channelId = requireString(body, 'channel_id', 'the id of a channel from GET /state or POST /channels')
  if (!(await twin.prisma.user.findUnique({ where: { id: userId } }))) {
    throw new ControlError(404, `No user ${userId}; create one with POST /users.`)
  }
  const channel = await twin.prisma.channel.findUnique({ where: { id: channelId } })
  if (!channel) {
    throw new ControlError(404, `No channel ${channelId}; create one with POST /channels.`)
  }
  // An interaction in a channel carries that channel's guild unless the body names one.
  return { userId, channelId, guildId: body.guild_id ?? channel.guildId ?? undefined }
}

async function commandId(twin, name, guildId) {
  const command = await twin.prisma.applicationCommand.findFirst({
    where: { applicationId: twin.discord.botUserId, name, OR: [{ guildId: guildId ?? twin.discord.guildId }, { guildId: null }] },
  })
  return command?.id
}

function requireIdentifiedSession(twin) {
  if (twin.identifiedSessions === 0) {
    throw new ControlError(409, 'No gateway session has identified yet, so nobody would receive the interaction. Wait with GET /gateway/sessions?min_count=1&wait_ms=...')
  }
}

export function createControlServer({ twin, recorder, endpoints }) {
  const discord = twin.discord

  const routes = [
    ['GET', /^\/health$/, () => ({ ok: true })],
    ['GET', /^\/endpoints$/, () => endpoints()],
    ['GET', /^\/state$/, () => twin.state()],
    ['POST', /^\/users$/, (ctx) => twin.createUser(ctx.body)],
    ['POST', /^\/channels$/, (ctx) => twin.createChannel(ctx.body)],
    ['POST', /^\/guilds$/, (ctx) => twin.createGuild(ctx.body)],
    [
      'GET',
      /^\/gateway\/sessions$/,
      (ctx) => {
        const minCount = intParam(ctx.url, 'min_count', 0)
        const maxCount = intParam(ctx.url, 'max_count', Number.MAX_SAFE_INTEGER)
        const described = maxCount === Number.MAX_SAFE_INTEGER ? `${minCount} identified gateway session(s)` : `at most ${maxCount} identified gateway session(s)`
        return waitFor(
          () => {
            const identified = twin.identifiedSessions
            return identified >= minCount && identified <= maxCount ? { identified, connections: twin.gatewayConnections } : undefined
          },
          waitMs(ctx.url),
          described,
        )
      },
    ],
    [
      'GET',
      /^\/commands$/,
      (ctx) => {
        const minCount = intParam(ctx.url, 'min_count', 0)
        const guildId = ctx.url.searchParams.get('guild_id') ?? undefined
        return waitFor(
          async () => {
            const commands = await twin.commands(guildId)
            return commands.length >= minCount ? commands : undefined
          },
          waitMs(ctx.url),
          `${minCount} registered command(s)`,
        )
      },
    ],
    [
      'POST',
      /^\/interactions\/slash-command$/,
      async (ctx) => {
        const { userId, channelId, guildId } = await requireUserAndChannel(twin, ctx.body)
        const name = requireString(ctx.body, 'name', 'the command name, e.g. "film"')
        requireIdentifiedSession(twin)
        return discord.simulateSlashCommand({ userId, channelId, name, options: ctx.body.options, guildId })
      },
    ],
    [
      'POST',
      /^\/messages$/,
      async (ctx) => {
        const { userId, channelId } = await requireUserAndChannel(twin, ctx.body)
        const content = requireString(ctx.body, 'content', 'the message text')
        return discord.simulateUserMessage({ userId, channelId, content })
      },
    ],
    [
      'POST',
      /^\/interactions\/message-command$/,
      async (ctx) => {
        const { userId, channelId, guildId } = await requireUserAndChannel(twin, ctx.body)
        const name = requireString(ctx.body, 'name', 'the message command name, e.g. "Hide spoilers"')
        const messageId = requireString(ctx.body, 'message_id', 'the message the command targets')
        requireIdentifiedSession(twin)
        const messages = await discord.channel(channelId).getMessages()
        const target = messages.find((message) => message.id === messageId)
        if (!target) {
          throw new ControlError(404, `No message ${messageId} in channel ${channelId}; post one with POST /messages.`)
        }
        const id = (await commandId(twin, name, guildId)) ?? '0'
        return discord.simulateInteraction({
          type: APPLICATION_COMMAND,
          userId,
          channelId,
          guildId,
          data: { id, name, type: 3, target_id: messageId, resolved: { messages: { [messageId]: target } } },
        })
      },
    ],
    [
      'POST',
      /^\/interactions\/autocomplete$/,
      async (ctx) => {
        const { userId, channelId, guildId } = await requireUserAndChannel(twin, ctx.body)
        const name = requireString(ctx.body, 'name', 'the command name, e.g. "character"')
        const options = ctx.body.options
        if (!Array.isArray(options) || !JSON.stringify(options).includes('"focused":true')) {
          throw new ControlError(400, 'Autocomplete needs "options" with one option marked "focused": true.')
        }
        requireIdentifiedSession(twin)
        const id = (await commandId(twin, name, guildId)) ?? '0'
        return discord.simulateInteraction({
          type: APPLICATION_COMMAND_AUTOCOMPLETE,
          userId,
          channelId,
          guildId,
          data: { id, name, type: 1, options },
        })
      },
    ],
    [
      'POST',
      /^\/interactions\/button$/,
      async (ctx) => {
        const { userId, channelId, guildId } = await requireUserAndChannel(twin, ctx.body)
        const messageId = requireString(ctx.body, 'message_id', 'the message that carries the button')
        const customId = requireString(ctx.body, 'custom_id', "the button's custom_id")
        requireIdentifiedSession(twin)
        return discord.simulateInteraction({
          type: MESSAGE_COMPONENT,
          userId,
          channelId,
          messageId,
          guildId,
          data: { custom_id: customId, component_type: BUTTON },
        })
      },
    ],
    [
      'POST',
      /^\/interactions\/select$/,
      async (ctx) => {
        const { userId, channelId, guildId } = await requireUserAndChannel(twin, ctx.body)
        const messageId = requireString(ctx.body, 'message_id', 'the message that carries the select menu')
        const customId = requireString(ctx.body, 'custom_id', "the select menu's custom_id")
        if (!Array.isArray(ctx.body.values)) {
          throw new ControlError(400, 'Missing "values" (the chosen option values).')
        }
        requireIdentifiedSession(twin)
        return discord.simulateInteraction({
          type: MESSAGE_COMPONENT,
          userId,
          channelId,
          messageId,
          guildId,
          data: { custom_id: customId, component_type: STRING_SELECT, values: ctx.body.values },
        })
      },
    ],
    [
      'GET',
      /^\/interactions\/(\d+)$/,
      async (ctx) => {
        const interactionId = ctx.match[1]
        const initial = await twin.interactionResponse(interactionId)
        if (!initial) {
          throw new ControlError(404, `No interaction ${interactionId}; it is created by POST /interactions/...`)
        }
        const timeoutMs = waitMs(ctx.url)
        if (timeoutMs === 0) {
          return initial
        }
        const waitForMessage = ctx.url.searchParams.get('wait_for') === 'message'
        return waitFor(
          async () => {
            const current = await twin.interactionResponse(interactionId)
            return current.acknowledged && (!waitForMessage || current.message_id) ? current : undefined
          },
          timeoutMs,
          waitForMessage ? `a reply message for interaction ${interactionId}` : `a callback for interaction ${interactionId}`,
        )
      },
    ],
    [
      'GET',
      /^\/channels\/(\d+)\/messages$/,
      async (ctx) => {
        const channelId = ctx.match[1]
        if (!(await twin.prisma.channel.findUnique({ where: { id: channelId } }))) {
          throw new ControlError(404, `No channel ${channelId}.`)
        }
        // With "contains", min_count (default 1) counts only the messages whose JSON (content, embeds,
        // components) contains that text: a way to wait for an edit as well as for a new message.
        const contains = ctx.url.searchParams.get('contains')
        const minCount = intParam(ctx.url, 'min_count', contains === null ? 0 : 1)
        return waitFor(
          async () => {
            const messages = await discord.channel(channelId).getMessages()
            const counted = contains === null ? messages.length : messages.filter((message) => JSON.stringify(message).includes(contains)).length
            return counted >= minCount ? messages : undefined
          },
          waitMs(ctx.url),
          contains === null ? `${minCount} message(s) in channel ${channelId}` : `${minCount} message(s) containing ${JSON.stringify(contains)} in channel ${channelId}`,
        )
      },
    ],
    ['GET', /^\/requests$/, (ctx) => Recorder.since(recorder.requests, intParam(ctx.url, 'since', 0))],
    ['GET', /^\/violations$/, (ctx) => Recorder.since(recorder.violations, intParam(ctx.url, 'since', 0))],
    ['GET', /^\/twin-gaps$/, (ctx) => Recorder.since(recorder.twinGaps, intParam(ctx.url, 'since', 0))],
    [
      'POST',
      /^\/records\/clear$/,
      () => {
        recorder.clear()
        return { cleared: true }
      },
    ],
  ]

  return http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1')
    const candidates = routes.filter(([, pattern]) => pattern.test(url.pathname))
    const route = candidates.find(([method]) => method === request.method)
    if (!route) {
      const status = candidates.length > 0 ? 405 : 404
      sendJson(response, status, { error: `${request.method} ${url.pathname} is not part of the control API; see tests/e2e-harness/README.md` })
      return
    }
    try {
      const body = request.method === 'POST' ? await readJson(request) : {}
      const result = await route[2]({ url, body, match: route[1].exec(url.pathname) })
      sendJson(response, 200, result)
    } catch (error) {
      const status = error instanceof ControlError ? error.status : 500
      sendJson(response, status, { error: error.message })
    }
  })
}
