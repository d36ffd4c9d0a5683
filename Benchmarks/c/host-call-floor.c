// The floor of the host call of LuaHostBenchmarks, in C: what any host pays through the Lua C API
// and Werkvorm's shim for the same call, without making host values.
//   host N     N times: push the three-field input table, call the handler under the shim's pcall
//              (count hook and limits on), and read every key and value of the result table
//   loop N     the Lua-to-Lua call: one call of `loop`, which calls the handler N times
//   outcome N  N times: call `outcome`, which returns the outcome of 7,001 tables of
//              InstructionCounts, and read every key and value of every table in it
// instruction-counts.sh builds and counts it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include "LuaShim.h"  // Werkvorm's shim: its pcall, hook and limits, as LuaState uses them

static const char *source =
    "local function handle(input) return { accepted = true, count = input.count + 1, who = input.participant } end\n"
    "local notes, ranking, left = {}, {}, {}\n"
    "for i = 1, 3000 do notes[i] = { id = i, text = \"engagement \" .. i, dots = i % 7, by = \"deelnemer-\" .. (i % 1000) } end\n"
    "for i = 1, 3000 do ranking[i] = { note = i, dots = i % 7 } end\n"
    "for i = 1, 1000 do left[i] = { participant = \"deelnemer-\" .. i, left = i % 5 } end\n"
    "local outcome = { notes = notes, ranking = ranking, dots_left = left, phase = \"results\" }\n"
    "return { handle = handle, outcome = function() return outcome end,\n"
    "         loop = function(n, input) local r for i = 1, n do r = handle(input) end return r end }";

// Reads every key and value of the table at index t and of the tables in it, as a host that
// makes its own values of them must; returns a sum of what it read.
static long walk(lua_State *L, int t) {
    long sink = (long)lua_rawlen(L, t);
    size_t length;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        switch (lua_type(L, -2)) {
        case LUA_TSTRING: sink += (long)lua_tolstring(L, -2, &length)[0] + (long)length; break;
        case LUA_TNUMBER: if (lua_isinteger(L, -2)) sink += (long)lua_tointegerx(L, -2, NULL); break;
        }
        switch (lua_type(L, -1)) {
        case LUA_TBOOLEAN: sink += lua_toboolean(L, -1); break;
        case LUA_TNUMBER: if (lua_isinteger(L, -1)) sink += (long)lua_tointegerx(L, -1, NULL); break;
        case LUA_TSTRING: sink += (long)lua_tolstring(L, -1, &length)[0]; break;
        case LUA_TTABLE: sink += walk(L, lua_gettop(L)); break;
        }
        lua_settop(L, -2);
    }
    return sink;
}

int main(int argc, char **argv) {
    int n = atoi(argv[2]);
    lshim_context context;
    memset(&context, 0, sizeof context);
    context.memory_limit = 64 << 20;
    context.hook_interval = 1000;
    context.instruction_limit = 10000000000LL;
    lua_State *L = lshim_newstate(&context);
    lshim_openlibs(L);
    lshim_loadtext(L, source, strlen(source), "=bench.lua");
    lshim_pcall(L, 0, 1);
    lua_getfield(L, -1, "handle");
    int handle = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, -1, "loop");
    int loop = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, -1, "outcome");
    int outcome = luaL_ref(L, LUA_REGISTRYINDEX);
    long sink = 0;
    if (strcmp(argv[1], "outcome") == 0) {
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, outcome);
            if (lshim_pcall(L, 0, 1) != 0) return 1;
            if (lua_type(L, -1) != LUA_TTABLE) return 2;
            sink += walk(L, lua_gettop(L));
            lua_settop(L, -2);
        }
    } else if (strcmp(argv[1], "host") == 0) {
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, handle);
            lua_createtable(L, 0, 3);
            lua_pushlstring(L, "participant", 11); lua_pushlstring(L, "ann", 3); lua_rawset(L, -3);
            lua_pushlstring(L, "count", 5); lua_pushinteger(L, 4); lua_rawset(L, -3);
            lua_pushlstring(L, "name", 4); lua_pushlstring(L, "dot", 3); lua_rawset(L, -3);
            if (lshim_pcall(L, 1, 1) != 0) return 1;
            int t = lua_gettop(L);
            if (lua_type(L, t) != LUA_TTABLE) return 2;
            sink += (long)lua_rawlen(L, t);
            lua_pushnil(L);
            while (lua_next(L, t) != 0) {
                size_t length;
                if (lua_type(L, -2) == LUA_TSTRING) sink += (long)lua_tolstring(L, -2, &length)[0] + (long)length;
                switch (lua_type(L, -1)) {
                case LUA_TBOOLEAN: sink += lua_toboolean(L, -1); break;
                case LUA_TNUMBER: if (lua_isinteger(L, -1)) sink += (long)lua_tointegerx(L, -1, NULL); break;
                case LUA_TSTRING: sink += (long)lua_tolstring(L, -1, &length)[0]; break;
                }
                lua_settop(L, -2);
            }
            lua_settop(L, t - 1);
        }
    } else {
        lua_rawgeti(L, LUA_REGISTRYINDEX, loop);
        lua_pushinteger(L, n);
        lua_createtable(L, 0, 3);
        lua_pushlstring(L, "participant", 11); lua_pushlstring(L, "ann", 3); lua_rawset(L, -3);
        lua_pushlstring(L, "count", 5); lua_pushinteger(L, 4); lua_rawset(L, -3);
        lua_pushlstring(L, "name", 4); lua_pushlstring(L, "dot", 3); lua_rawset(L, -3);
        if (lshim_pcall(L, 2, 1) != 0) return 1;
    }
    printf("%ld\n", sink);
    return 0;
}
