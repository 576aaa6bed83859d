// Discord's OpenAPI description is auto-generated and, where it disagrees with the
// written API documentation, the documentation is what the live API enforces for bots.
// These adjustments are applied in memory to the loaded spec before any schema compiles;
// each one names the documented rule it encodes.

// Documented: message content is at most 2000 characters (the spec says 4000).
const MESSAGE_CONTENT_LIMIT = 2000
const MESSAGE_REQUEST_SCHEMAS = ['MessageCreateRequest', 'MessageEditRequestPartial', 'BaseCreateMessageCreateRequest']

// Documented: slash command (type 1) and option names are lowercase letters/digits/-_' (1-32);
// user (2) and message (3) command names "may be mixed case and can include spaces".
const CONTEXT_MENU_COMMAND_TYPES = [2, 3]
const COMMAND_NAME_PATTERN = "^[-_'\\p{Ll}\\p{Lm}\\p{Lo}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$"

// Documented: default_member_permissions is a permission bit set serialised as a string
// (the spec types it as an integer; the API accepts both).
const PERMISSION_STRING = { type: 'string', pattern: '^[0-9]+$' }

function isCommandSchemaName(name) {
  return (
    name.startsWith('ApplicationCommand') &&
    (name.endsWith('Option') || name.endsWith('Request') || name.endsWith('RequestPartial'))
  )
}

export function applyDocsOverlay(spec) {
  const schemas = spec.components?.schemas ?? {}
  const applied = []

  for (const name of MESSAGE_REQUEST_SCHEMAS) {
    const content = schemas[name]?.properties?.content
    if (content && typeof content.maxLength === 'number' && content.maxLength > MESSAGE_CONTENT_LIMIT) {
      content.maxLength = MESSAGE_CONTENT_LIMIT
      applied.push(`${name}.content maxLength ${MESSAGE_CONTENT_LIMIT}`)
    }
  }

  for (const [name, schema] of Object.entries(schemas)) {
    if (!isCommandSchemaName(name) || !schema.properties) {
      continue
    }
    const nameProperty = schema.properties.name
    const isCommand = !name.endsWith('Option') && schema.properties.type
    if (nameProperty && nameProperty.maxLength === 32 && !nameProperty.pattern && isCommand && !schema.if) {
      schema.if = { required: ['type'], properties: { type: { enum: CONTEXT_MENU_COMMAND_TYPES } } }
      schema.else = { properties: { name: { pattern: COMMAND_NAME_PATTERN } } }
      applied.push(`${name}.name pattern unless a user or message command`)
    } else if (nameProperty && nameProperty.maxLength === 32 && !nameProperty.pattern) {
      nameProperty.pattern = COMMAND_NAME_PATTERN
      applied.push(`${name}.name pattern`)
    }
    const permissions = schema.properties.default_member_permissions
    if (permissions && !permissions.anyOf) {
      schema.properties.default_member_permissions = { anyOf: [permissions, PERMISSION_STRING] }
      applied.push(`${name}.default_member_permissions accepts a string`)
    }
  }
  return applied
}
