/// The sandbox every plugin runs in, built by a Lua prelude that runs once per state with full
/// privileges before any plugin code.
///
/// Plugins get an allow-list: the base functions without `dofile`, `loadfile` and most of
/// `collectgarbage`, a `print` that writes to the host's log, `load` for text chunks with an
/// explicit environment, `require` for modules of the plugin library, and the `string`, `table`,
/// `math`, `utf8` and `coroutine` libraries behind read-only proxies. `io`, `os`, `debug`,
/// `package` and `string.dump` are absent. Each plugin gets its own global table whose
/// `__index` is the builtins, so one plugin's globals never reach another.
///
/// Determinism: `pairs` and `next` iterate in a fixed key order (Debian's Lua seeds its string
/// hash per state), `tostring` shows no addresses, `string.format` refuses `%p`,
/// `math.randomseed` needs a seed and the host seeds `math.random`.
enum Sandbox {
    /// The prelude's arguments: the host's Swift functions, the C builtins, the limits.
    /// It returns the host's private API: `new_environment`, `seed`, `object_metatable`.
    static let prelude = #"""
        local host, builtins, limits = ...
        local type, error, select, rawget, rawset = type, error, select, rawget, rawset
        local setmetatable, getmetatable, tostring = setmetatable, getmetatable, builtins.tostring
        local string, table, math = string, table, math
        local debug_getmetatable = debug.getmetatable
        local sorted_keys, det_next = builtins.sorted_keys, builtins.next
        local concat, pack, unpack = table.concat, table.pack, table.unpack
        local math_type = math.type

        local function refuse(message, level)
          error("sandbox: " .. message, (level or 2) + 1)
        end

        -- pairs in a fixed order: numbers, then strings byte-wise, then false and true.
        local function pairs_(t)
          local mt = debug_getmetatable(t)
          local custom = mt and rawget(mt, "__pairs")
          if custom then
            local f, s, c = custom(t)
            return f, s, c
          end
          if type(t) ~= "table" then
            error("bad argument #1 to 'pairs' (table expected, got " .. type(t) .. ")", 2)
          end
          local keys, i = sorted_keys(t), 0
          return function()
            while true do
              i = i + 1
              local k = keys[i]
              if k == nil then return nil end
              local v = rawget(t, k)
              if v ~= nil then return k, v end -- a key removed during the loop is skipped
            end
          end, t, nil
        end

        -- The string library, made safe in place: the string metatable's __index points at it.
        string.dump = nil
        string.find, string.match = builtins.find, builtins.match
        string.gmatch, string.gsub = builtins.gmatch, builtins.gsub
        local find, sub = string.find, string.sub

        local rep = string.rep
        string.rep = function(s, n, sep)
          local count = math_type(n) == "integer" and n or (type(n) == "number" and math.tointeger(n))
          if count and count > 0 and (type(s) == "string" or type(s) == "number") then
            local piece = #tostring(s) + ((type(sep) == "string" or type(sep) == "number") and #tostring(sep) or 0)
            if count > limits.string_length or piece * count > limits.string_length then
              error(("string.rep: the result would be more than %d bytes, the limit for one string")
                :format(limits.string_length), 2)
            end
          end
          return rep(s, n, sep)
        end

        local format = string.format
        string.format = function(fmt, ...)
          if type(fmt) ~= "string" or not find(fmt, "%", 1, true) then
            return format(fmt, ...)
          end
          local args, position, argument = pack(...), 1, 0
          while true do
            local percent = find(fmt, "%", position, true)
            if not percent then break end
            local at = find(fmt, "[^-+ #0-9.]", percent + 1)
            if not at then break end
            local conversion = sub(fmt, at, at)
            if conversion ~= "%" then
              argument = argument + 1
              if conversion == "p" then
                refuse("string.format: '%p' shows memory addresses, which differ from run to run")
              elseif conversion == "s" then
                local kind = type(args[argument])
                if kind == "table" or kind == "function" or kind == "thread" or kind == "userdata" then
                  args[argument] = tostring(args[argument])
                end
              end
            end
            position = at + 1
          end
          return format(fmt, unpack(args, 1, args.n))
        end

        local move = table.move
        local tointeger = math.tointeger
        table.move = function(a1, f, e, t, a2)
          local first, last = tointeger(f), tointeger(e) -- as table.move reads them, floats and strings too
          if first and last and last >= first and last - first >= limits.table_move then
            error(("table.move: more than %d elements at once"):format(limits.table_move), 2)
          end
          return move(a1, f, e, t, a2)
        end

        -- table.insert and table.remove shift elements in C up to #t; a __len that reports a huge
        -- length would keep them busy where the instruction count cannot see.
        local insert, remove = table.insert, table.remove
        local function check_length(name, t)
          local mt = debug_getmetatable(t)
          if mt and rawget(mt, "__len") then
            local n = tointeger(#t)
            if n and n > limits.table_move then
              error(("%s: the table's __len says %d elements, more than %d at once"):format(name, n, limits.table_move), 3)
            end
          end
        end
        table.insert = function(t, ...) check_length("table.insert", t); return insert(t, ...) end
        table.remove = function(t, ...) check_length("table.remove", t); return remove(t, ...) end

        local randomseed = math.randomseed
        math.randomseed = function(...)
          if select("#", ...) == 0 then
            refuse("math.randomseed needs a seed: without one it would use the clock, "
              .. "and the session could not be replayed")
          end
          return randomseed(...)
        end

        -- Read-only proxies for the libraries.
        local frozen = setmetatable({}, { __mode = "k" })
        local function readonly(t, name)
          local proxy = setmetatable({}, {
            __index = t,
            __newindex = function()
              refuse("the library table '" .. name .. "' is read-only; keep your own functions in local variables")
            end,
            __pairs = function() return pairs_(t) end,
            __len = function() return #t end,
            __metatable = false,
          })
          frozen[proxy] = true
          return proxy
        end
        debug_getmetatable("").__metatable = false

        local function rawset_(t, k, v)
          if frozen[t] then refuse("rawset: library tables are read-only") end
          return rawset(t, k, v)
        end

        local function setmetatable_(t, mt)
          if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
            refuse("setmetatable: '__gc' finalizers are not available: they would run outside the plugin's limits")
          end
          return setmetatable(t, mt)
        end

        local collectgarbage = collectgarbage
        local function collectgarbage_(option)
          if option == "count" then return collectgarbage("count") end
          refuse("collectgarbage: only collectgarbage(\"count\") is available; the host manages memory")
        end

        local load = load
        local function load_(chunk, name, mode, env)
          if type(chunk) ~= "string" then
            refuse("load: only text can be loaded (a string, not a function)")
          end
          if mode ~= nil and mode ~= "t" then
            refuse("load: only text chunks can be loaded (mode \"t\"), never compiled code")
          end
          if type(env) ~= "table" then
            refuse("load: give the environment table for the chunk as the fourth argument")
          end
          return load(chunk, name, "t", env)
        end

        -- xpcall: once a limit is reached the plugin's message handler would run with hooks off
        -- and could loop for ever, so it is skipped and the limit error goes on up.
        local xpcall, limit_reached = xpcall, builtins.limit_reached
        local function xpcall_(f, handler, ...)
          if type(handler) ~= "function" then
            error("bad argument #2 to 'xpcall' (function expected, got " .. type(handler) .. ")", 2)
          end
          return xpcall(f, function(message)
            if limit_reached() then return message end
            return handler(message)
          end, ...)
        end

        local host_print = host.print
        local function print_(...)
          local parts = {}
          for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
          host_print(concat(parts, "\t"))
        end

        local builtin = {
          assert = assert, error = error, ipairs = ipairs, next = det_next, pairs = pairs_,
          pcall = pcall, xpcall = xpcall_, print = print_, rawequal = rawequal, rawget = rawget,
          rawlen = rawlen, rawset = rawset_, select = select, setmetatable = setmetatable_,
          getmetatable = getmetatable, tonumber = tonumber, tostring = tostring, type = type,
          load = load_, collectgarbage = collectgarbage_, _VERSION = _VERSION,
          string = readonly(string, "string"), table = readonly(table, "table"),
          math = readonly(math, "math"), utf8 = readonly(utf8, "utf8"),
          coroutine = readonly(coroutine, "coroutine"),
        }
        local removed = {
          io = "io is not available: plugins do not read or write files",
          os = "os is not available: plugins get no clock, environment or processes from the machine",
          debug = "debug is not available: it can break out of the sandbox",
          package = "package is not available: use require(\"name\") for modules of the plugin library",
          dofile = "dofile is not available: use require(\"name\") for modules of the plugin library",
          loadfile = "loadfile is not available: use require(\"name\") for modules of the plugin library",
        }
        setmetatable(builtin, {
          __index = function(_, key)
            local why = removed[key]
            if why then refuse(why) end
          end,
        })

        local environment_metatable = { __index = builtin, __metatable = false }
        local function new_environment()
          local env = setmetatable({}, environment_metatable)
          env._G = env
          return env
        end

        -- require: modules of the plugin library only, each loaded once per state.
        local loaded, loading = {}, {}
        local module_source = host.module_source
        builtin.require = function(name)
          if type(name) ~= "string" then
            error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", 2)
          end
          local value = loaded[name]
          if value ~= nil then return value end
          if loading[name] then refuse("require: module '" .. name .. "' requires itself (directly or through others)") end
          local source, chunkname = module_source(name)
          if not source then refuse(chunkname) end
          local chunk, message = load(source, chunkname, "t", new_environment())
          if not chunk then error(message, 0) end
          loading[name] = true
          local ok, result = pcall(chunk, name)
          loading[name] = nil
          if not ok then error(result, 0) end
          if result == nil then result = true end
          loaded[name] = result
          return result
        end

        -- The real globals keep nothing a plugin could reach through a loaded chunk.
        for name in pairs(removed) do _G[name] = nil end

        return {
          new_environment = new_environment,
          seed = function(n) randomseed(n) end,
          object_metatable = { __metatable = "object" },
        }
        """#
}
