// Starts discord-digital-twin on loopback and adds state after start-up.
// Runtime additions reach connected gateway clients as the events Discord would send.

import http from 'node:http'
import { DigitalDiscord, generateSnowflake } from 'discord-digital-twin'

export const LOOPBACK = '127.0.0.1'
const EVERYONE_PERMISSIONS = '1071698660929'
const GUILD_TEXT = 0

// The twin calls httpServer.listen(0, callback), which binds every interface. While it
// starts, listen calls without a host are pinned to loopback.
async function withLoopbackListen(action) {
  const originalListen = http.Server.prototype.listen
  http.Server.prototype.listen = function listenOnLoopback(...args) {
    if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
      return originalListen.call(this, args[0], LOOPBACK, ...args.slice(1))
    }
    return originalListen.apply(this, args)
  }
  try {
    return await action()
  } finally {
    http.Server.prototype.listen = originalListen
  }
}

export const DEFAULT_SEED = {
  guild: { name: 'Movie Club', channels: [{ name: 'general', type: GUILD_TEXT }] },
  users: [{ username: 'alice' }, { username: 'bob' }],
  botUser: { username: 'MiracleCell' },
}

export class Twin {
  constructor({ botToken, seed }) {
    const chosenSeed = seed ?? DEFAULT_SEED
    this.discord = new DigitalDiscord({
      guild: chosenSeed.guild,
      users: chosenSeed.users,
      botUser: chosenSeed.botUser,
      botToken,
    })
  }

  async start() {
    await withLoopbackListen(() => this.discord.start())
    // Every WebSocket the gateway accepts, identified or not (a bot refused with 4004 must connect only once).
    this.gatewayConnections = 0
    this.gateway.wss.on('connection', () => {
      this.gatewayConnections += 1
    })
    routeByShard(this.gateway)
    const address = this.server.httpServer.address()
    if (address.address !== LOOPBACK) {
      throw new Error(`The twin is listening on ${address.address}, expected ${LOOPBACK}`)
    }
  }

  stop() {
    return this.discord.stop()
  }

  get prisma() {
    return this.discord.prisma
  }

  // Internal to the twin (private in its typings); pinned to the exact twin version.
  get server() {
    return this.discord.server
  }

  get gateway() {
    return this.server.gateway
  }

  get port() {
    return this.discord.port
  }

  get identifiedSessions() {
    return this.gateway.clients.filter((client) => client.identified).length
  }

  async state() {
    const guilds = await this.prisma.guild.findMany({ include: { channels: true }, orderBy: { createdAt: 'asc' } })
    const users = await this.prisma.user.findMany({ orderBy: { id: 'asc' } })
    return {
      bot_token: this.discord.botToken,
      application_id: this.discord.botUserId,
      bot_user_id: this.discord.botUserId,
      guild_id: this.discord.guildId,
      guilds: guilds.map((guild) => ({
        id: guild.id,
        name: guild.name,
        channels: guild.channels.map((channel) => ({ id: channel.id, name: channel.name, type: channel.type })),
      })),
      users: users.map((user) => ({ id: user.id, username: user.username, bot: user.bot })),
    }
  }

  async requireGuild(guildId) {
    const id = guildId ?? this.discord.guildId
    const guild = await this.prisma.guild.findUnique({ where: { id } })
    if (!guild) {
      throw new ControlError(404, `No guild ${id}; GET /state lists the guilds.`)
    }
    return guild
  }

  async createUser({ username, guild_id: guildId, bot = false, permissions }) {
    if (typeof username !== 'string' || username.length === 0) {
      throw new ControlError(400, 'Send {"username": "..."} to create a user.')
    }
    if (permissions !== undefined && (typeof permissions !== 'string' || !/^\d{1,20}$/.test(permissions))) {
      throw new ControlError(400, 'Send "permissions" as a permission bit set in a digit string, e.g. "2048" (Send Messages only), or leave it out for every permission.')
    }
    const guild = await this.requireGuild(guildId)
    const id = generateSnowflake()
    await this.prisma.user.create({ data: { id, username, globalName: username, bot } })
    // The twin puts member.permissions into each interaction; without it the member gets every permission.
    await this.prisma.guildMember.create({ data: { guildId: guild.id, userId: id, permissions: permissions ?? null } })
    return { id, username, bot, guild_id: guild.id, ...(permissions === undefined ? {} : { permissions }) }
  }

  async createChannel({ name, guild_id: guildId, type = GUILD_TEXT }) {
    if (typeof name !== 'string' || name.length === 0) {
      throw new ControlError(400, 'Send {"name": "..."} to create a channel.')
    }
    const guild = await this.requireGuild(guildId)
    const id = generateSnowflake()
    await this.prisma.channel.create({ data: { id, guildId: guild.id, name, type } })
    const channel = (await this.discord.loadGatewayState())
      .guilds.find((g) => g.id === guild.id)
      .channels.find((c) => c.id === id)
    this.gateway.broadcast('CHANNEL_CREATE', channel)
    return { id, name, type, guild_id: guild.id }
  }

  async createGuild({ name, channels = [] }) {
    if (typeof name !== 'string' || name.length === 0) {
      throw new ControlError(400, 'Send {"name": "...", "channels": [{"name": "..."}]} to create a guild.')
    }
    const id = generateSnowflake()
    await this.prisma.guild.create({ data: { id, name, ownerId: generateSnowflake() } })
    await this.prisma.role.create({ data: { id, guildId: id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 } })
    await this.prisma.guildMember.create({ data: { guildId: id, userId: this.discord.botUserId } })
    const createdChannels = []
    for (const channel of channels) {
      const channelId = generateSnowflake()
      const type = channel.type ?? GUILD_TEXT
      await this.prisma.channel.create({ data: { id: channelId, guildId: id, name: channel.name, type } })
      createdChannels.push({ id: channelId, name: channel.name, type })
    }
    const guildState = (await this.discord.loadGatewayState()).guilds.find((g) => g.id === id)
    this.gateway.broadcast('GUILD_CREATE', {
      ...guildState.apiGuild,
      joined_at: guildState.joinedAt,
      large: false,
      unavailable: false,
      member_count: guildState.members.length,
      members: guildState.members,
      channels: guildState.channels,
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
    })
    return { id, name, channels: createdChannels }
  }

  async interactionResponse(interactionId) {
    const row = await this.prisma.interactionResponse.findUnique({ where: { interactionId } })
    if (!row) {
      return null
    }
    return {
      interaction_id: row.interactionId,
      interaction_token: row.interactionToken,
      channel_id: row.channelId,
      acknowledged: row.acknowledged,
      type: row.acknowledged ? row.type : null,
      message_id: row.messageId,
      data: row.data ? JSON.parse(row.data) : null,
    }
  }

  async commands(guildId) {
    const rows = await this.prisma.applicationCommand.findMany({
      where: { applicationId: this.discord.botUserId, ...(guildId ? { guildId } : {}) },
      orderBy: { name: 'asc' },
    })
    return rows.map((row) => ({
      id: row.id,
      guild_id: row.guildId,
      name: row.name,
      description: row.description,
      type: row.type,
      options: JSON.parse(row.options),
    }))
  }
}

// Discord sends a guild's events only to the session of the shard that holds it: (guild_id >> 22) % shard_count.
// A session that identified without a shard gets every event, as before.
function routeByShard(gateway) {
  const handleMessage = gateway.handleMessage.bind(gateway)
  gateway.handleMessage = (client, raw) => {
    try {
      const payload = JSON.parse(raw)
      if (payload.op === 2 && Array.isArray(payload.d?.shard)) {
        client.shard = payload.d.shard
      }
    } catch {
      // The twin reports malformed payloads itself.
    }
    return handleMessage(client, raw)
  }
  const sendDispatch = gateway.sendDispatch.bind(gateway)
  gateway.sendDispatch = (client, event, data) => {
    const guildId = event === 'GUILD_CREATE' ? data?.id : data?.guild_id
    if (client.shard && guildId && shardOf(guildId, client.shard[1]) !== client.shard[0]) {
      return
    }
    sendDispatch(client, event, data)
  }
}

export function shardOf(guildId, shardCount) {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount))
}

export class ControlError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}
