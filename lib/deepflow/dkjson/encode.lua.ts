// The dkjson-compatible module around the JS decoder, as Lua source (our own, following the
// semantics in deepflow-tagging.md §10.2). Encoding is Lua because it is Lua-shaped: metatables,
// `__tojson`/exception callbacks and caller-owned buffers. The chunk returns a factory; each
// `require("dkjson")` calls it for a fresh module table, like a fresh `dofile` of dkjson.lua.
// Tables are walked with `next`, not `pairs`: Lua 5.1 (gopher-lua) has no `__pairs`.
export const DKJSON_MODULE_LUA = String.raw`
local next, type, tostring, getmetatable, setmetatable, error, select =
      next, type, tostring, getmetatable, setmetatable, error, select
local floor, huge = math.floor, math.huge
local rep, gsub, byte, find = string.rep, string.gsub, string.byte, string.find
local concat = table.concat
local require = require

local SHORT = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local HEX = '0123456789abcdef'

local function u4(cp)
  local a, b = floor(cp / 4096) % 16, floor(cp / 256) % 16
  local c, d = floor(cp / 16) % 16, cp % 16
  return '\\u' .. HEX:sub(a + 1, a + 1) .. HEX:sub(b + 1, b + 1) .. HEX:sub(c + 1, c + 1) .. HEX:sub(d + 1, d + 1)
end

local function escapeByte(ch)
  return SHORT[ch] or u4(byte(ch))
end

local function escapeSequence(seq)
  local b1, b2, b3 = byte(seq, 1, 3)
  if b3 then
    return u4((b1 - 224) * 4096 + (b2 - 128) * 64 + (b3 - 128))
  end
  return u4((b1 - 192) * 64 + (b2 - 128))
end

-- Characters JavaScript engines treat specially (json2.js's escapable set): C1 controls, soft
-- hyphen, Arabic format marks, zero-width and directional marks, line/paragraph separators, BOM.
local SPECIAL = {
  '\194[\128-\159\173]', '\216[\128-\132]', '\220\143', '\225\158[\180\181]',
  '\226\128[\140-\143\168-\175]', '\226\129[\160-\175]', '\239\187\191', '\239\191[\176-\191]',
}

local function quotestring(value)
  local s = gsub(value, '[%c"\\]', escapeByte)
  if find(s, '[\194\216\220\225\226\239]') then
    for i = 1, #SPECIAL do s = gsub(s, SPECIAL[i], escapeSequence) end
  end
  return '"' .. s .. '"'
end

local function newline(level, buffer, n)
  n = n + 1
  buffer[n] = '\n'
  if level > 0 then
    n = n + 1
    buffer[n] = rep('  ', level)
  end
  return n
end

-- (isArray, length): numeric keys >= 1 only (plus a numeric 'n' giving the length); too sparse
-- tables (max > 10 and max > 2 * count) become objects.
local function arrayShape(t)
  local max, count, declared = 0, 0, 0
  for k, v in next, t do
    if k == 'n' and type(v) == 'number' then
      declared = v
      if v > max then max = v end
    else
      if type(k) ~= 'number' or k < 1 or floor(k) ~= k then return false end
      if k > max then max = k end
      count = count + 1
    end
  end
  if max > 10 and max > declared and max > count * 2 then return false end
  return true, max
end

local function appendCustom(result, buffer, state)
  local n = state.bufferlen
  if type(result) == 'string' then
    n = n + 1
    buffer[n] = result
  end
  return n
end

local function unsupported(reason, value, state, buffer, n, message)
  message = message or reason
  local handler = state.exception
  if not handler then return nil, message end
  state.bufferlen = n
  local result, msg = handler(reason, value, state, message)
  if not result then return nil, msg or message end
  return appendCustom(result, buffer, state)
end

local encodeValue

local function encodePair(key, value, first, indent, level, buffer, n, seen, order, state)
  local kt = type(key)
  if kt ~= 'string' and kt ~= 'number' then
    return nil, "type '" .. kt .. "' is not supported as a key by JSON."
  end
  if not first then n = n + 1; buffer[n] = ',' end
  if indent then n = newline(level, buffer, n) end
  n = n + 1
  buffer[n] = quotestring(tostring(key))
  n = n + 1
  buffer[n] = ':'
  return encodeValue(value, indent, level, buffer, n, seen, order, state)
end

encodeValue = function(value, indent, level, buffer, n, seen, order, state)
  local vt = type(value)
  local meta = getmetatable(value)
  if type(meta) ~= 'table' then meta = nil end
  local tojson = meta and meta.__tojson
  if tojson then
    if seen[value] then return unsupported('reference cycle', value, state, buffer, n) end
    seen[value] = true
    state.bufferlen = n
    local result, msg = tojson(value, state)
    if not result then return unsupported('custom encoder failed', value, state, buffer, n, msg) end
    seen[value] = nil
    return appendCustom(result, buffer, state)
  elseif value == nil then
    n = n + 1
    buffer[n] = 'null'
  elseif vt == 'number' then
    n = n + 1
    if value ~= value or value >= huge or -value >= huge then
      buffer[n] = 'null'
    else
      buffer[n] = gsub(tostring(value), ',', '.')
    end
  elseif vt == 'boolean' then
    n = n + 1
    buffer[n] = tostring(value)
  elseif vt == 'string' then
    n = n + 1
    buffer[n] = quotestring(value)
  elseif vt == 'table' then
    if seen[value] then return unsupported('reference cycle', value, state, buffer, n) end
    seen[value] = true
    level = level + 1
    local isArray, length = arrayShape(value)
    if length == 0 and meta and meta.__jsontype == 'object' then isArray = false end
    local msg
    if isArray then
      n = n + 1
      buffer[n] = '['
      for i = 1, length do
        n, msg = encodeValue(value[i], indent, level, buffer, n, seen, order, state)
        if not n then return nil, msg end
        if i < length then n = n + 1; buffer[n] = ',' end
      end
      n = n + 1
      buffer[n] = ']'
    else
      n = n + 1
      buffer[n] = '{'
      local first = true
      local keys = meta and meta.__jsonorder or order
      if keys then
        local done = {}
        for i = 1, #keys do
          local k = keys[i]
          local v = value[k]
          if v ~= nil then
            done[k] = true
            n, msg = encodePair(k, v, first, indent, level, buffer, n, seen, order, state)
            if not n then return nil, msg end
            first = false
          end
        end
        for k, v in next, value do
          if not done[k] then
            n, msg = encodePair(k, v, first, indent, level, buffer, n, seen, order, state)
            if not n then return nil, msg end
            first = false
          end
        end
      else
        for k, v in next, value do
          n, msg = encodePair(k, v, first, indent, level, buffer, n, seen, order, state)
          if not n then return nil, msg end
          first = false
        end
      end
      if indent then n = newline(level - 1, buffer, n) end
      n = n + 1
      buffer[n] = '}'
    end
    seen[value] = nil
  else
    return unsupported('unsupported type', value, state, buffer, n, "type '" .. vt .. "' is not supported by JSON.")
  end
  return n
end

return function(decode)
  local M = { version = 'dkjson 2.8', decode = decode, quotestring = quotestring }
  M.null = setmetatable({}, { __tojson = function() return 'null' end })

  function M.encode(value, state)
    state = state or {}
    local given = state.buffer
    local buffer = given or {}
    state.buffer = buffer
    local n, msg = encodeValue(value, state.indent, state.level or 0, buffer, state.bufferlen or 0, state.tables or {}, state.keyorder, state)
    if not n then
      error(msg, 2)
    elseif given == buffer then
      state.bufferlen = n
      return true
    end
    state.bufferlen = nil
    state.buffer = nil
    return concat(buffer)
  end

  function M.addnewline(state)
    if state.indent then
      state.bufferlen = newline(state.level or 0, state.buffer, state.bufferlen or #state.buffer)
    end
  end

  function M.encodeexception(reason, value, state, defaultmessage)
    return quotestring('<' .. defaultmessage .. '>')
  end

  -- LPeg does not exist in gopher-lua: requiring it fails with the runtime's own message.
  function M.use_lpeg()
    require('lpeg')
  end

  return M
end
`;
