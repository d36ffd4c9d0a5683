// The floor of the host call of LuaHostBenchmarks, in C: what any host pays through the Lua C API
// and Werkvorm's shim for the same call, without making host values.
//   host N   N times: push the three-field input table, call the handler under the shim's pcall
//            (count hook and limits on), and read every key and value of the result table
//   loop N   the Lua-to-Lua call: one call of `loop`, which calls the handler N times
// instruction-counts.sh builds and counts it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include "LuaShim.h"  // Werkvorm's shim: its pcall, hook and limits, as LuaState uses them

static const char *source =
    "local function handle(input) return { accepted = true, count = input.count + 1, who = input.participant } end\n"
    "return { handle = handle, loop = function(n, input) local r for i = 1, n do r = handle(input) end return r end }";

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
    long sink = 0;
    if (strcmp(argv[1], "host") == 0) {
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
