// The C side of Werkvorm's Lua host. See LuaShim.h for why it exists.
#define _GNU_SOURCE
#include "LuaShim.h"
#include "pattern.h"

#include <lauxlib.h>
#include <lualib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define TRACEBACK_KEY "werkvorm.traceback"
#define LIMIT_MESSAGE_KEY "werkvorm.limit_message"

lshim_context *lshim_getcontext(lua_State *L) {
    return *(lshim_context **)lua_getextraspace(L);
}

// MARK: - Memory: a counting allocator with a cap

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    lshim_context *c = (lshim_context *)ud;
    size_t old = ptr ? osize : 0;  // when ptr is NULL, osize tells the kind of object
    if (nsize == 0) {
        free(ptr);
        c->memory_used -= old;
        return NULL;
    }
    if (nsize > old && c->memory_limit > 0 && c->host_allocating == 0
        && c->memory_used - old + nsize > c->memory_limit) {
        // Lua collects garbage and retries once; either way the limit was reached, and the
        // count hook makes that stick even if a pcall inside the plugin catches the error.
        if (c->limit_hit == LSHIM_LIMIT_NONE) c->limit_hit = LSHIM_LIMIT_MEMORY;
        return NULL;
    }
    void *result = realloc(ptr, nsize);
    if (result != NULL) {
        c->memory_used = c->memory_used - old + nsize;
        // what the C side does with memory costs time the instruction count does not see: a
        // budget pays an instruction for every 64 bytes that grow
        if (nsize > old && c->budget_remaining != NULL && c->host_allocating == 0)
            *c->budget_remaining -= (long long)((nsize - old) >> 6);
    }
    return result;
}

// MARK: - Instructions: a count hook whose limit error is sticky

static void count_hook(lua_State *L, lua_Debug *ar) {
    lshim_context *c = lshim_getcontext(L);
    if (c->limit_hit == LSHIM_LIMIT_NONE) {
        int count = lua_gethookcount(L);
        c->instructions_used += count;
        if (c->budget_remaining != NULL) *c->budget_remaining -= count;
        int within_call = c->instruction_limit <= 0 || c->instructions_used <= c->instruction_limit;
        int within_budget = c->budget_remaining == NULL || *c->budget_remaining >= 0;
        if (within_call && within_budget) {
            if (count != c->hook_interval) lua_sethook(L, count_hook, LUA_MASKCOUNT, c->hook_interval);
            return;
        }
        c->limit_hit = within_budget ? LSHIM_LIMIT_INSTRUCTIONS : LSHIM_LIMIT_BUDGET;
    }
    // From here on every thread raises at its next instruction, so neither pcall, xpcall nor
    // coroutine.resume inside the plugin can swallow the limit and go on.
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    if (c->main != NULL && c->main != L) lua_sethook(c->main, count_hook, LUA_MASKCOUNT, 1);
    c->host_allocating++;
    lua_getinfo(L, "Sl", ar);
    if (ar->currentline > 0)
        lua_pushfstring(L, "%s:%d: ", ar->short_src, ar->currentline);
    else
        lua_pushliteral(L, "");
    if (c->limit_hit == LSHIM_LIMIT_INSTRUCTIONS)
        lua_pushfstring(L, "instruction limit reached: more than %I instructions in one call; "
                           "look for a loop that does not end",
                        (lua_Integer)c->instruction_limit);
    else if (c->limit_hit == LSHIM_LIMIT_BUDGET)
        lua_pushfstring(L, "instruction budget used up: the exercises of this run may take %I instructions "
                           "in all, and they took more; look for a loop that does not end",
                        (lua_Integer)c->budget_total);
    else
        lua_pushfstring(L, "memory limit reached: more than %I bytes; "
                           "look for a table or string that keeps growing",
                        (lua_Integer)c->memory_limit);
    lua_concat(L, 2);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, LIMIT_MESSAGE_KEY);
    c->host_allocating--;
    lua_error(L);
}

static int message_handler(lua_State *L);

lua_State *lshim_newstate(lshim_context *context) {
    lua_State *L = lua_newstate(counting_alloc, context);
    if (L == NULL) return NULL;
    *(lshim_context **)lua_getextraspace(L) = context;  // new threads copy the main thread's
    context->main = L;
    if (context->hook_interval <= 0) context->hook_interval = 1000;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, context->hook_interval);
    lua_pushcfunction(L, message_handler);  // at the bottom of the stack, for every outermost call
    return L;
}

// MARK: - Protected entry points

// Only what the sandbox offers, plus debug for the prelude, which removes it from the globals.
// io, os and package are never opened.
static int open_libs(lua_State *L) {
    static const luaL_Reg libraries[] = {
        {LUA_GNAME, luaopen_base},       {LUA_COLIBNAME, luaopen_coroutine},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_STRLIBNAME, luaopen_string},
        {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
        {LUA_DBLIBNAME, luaopen_debug},  {NULL, NULL},
    };
    for (const luaL_Reg *library = libraries; library->func != NULL; library++) {
        luaL_requiref(L, library->name, library->func, 1);
        lua_pop(L, 1);
    }
    return 0;
}

int lshim_openlibs(lua_State *L) {
    lua_pushcfunction(L, open_libs);
    return lua_pcall(L, 0, 0, 0);
}

int lshim_loadtext(lua_State *L, const char *source, size_t length, const char *chunkname) {
    return luaL_loadbufferx(L, source, length, chunkname, "t");
}

static locale_t c_locale = (locale_t)0;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static void make_c_locale(void) { c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0); }

static int message_handler(lua_State *L) {
    lshim_context *c = lshim_getcontext(L);
    int type = lua_type(L, 1);
    if (c->limit_hit != LSHIM_LIMIT_NONE) {
        lua_getfield(L, LUA_REGISTRYINDEX, LIMIT_MESSAGE_KEY);
    } else if (type == LUA_TSTRING || type == LUA_TNUMBER) {
        lua_pushvalue(L, 1);
    } else if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
        // the error object's own __tostring, run under the plugin's limits
    } else {
        c->host_allocating++;
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        c->host_allocating--;
    }
    c->host_allocating++;
    lua_tostring(L, -1);
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, TRACEBACK_KEY);
    c->host_allocating--;
    return 1;
}

int lshim_pcall(lua_State *L, int nargs, int nresults) {
    lshim_context *c = lshim_getcontext(L);
    pthread_once(&c_locale_once, make_c_locale);
    c->limit_hit = LSHIM_LIMIT_NONE;
    c->instructions_used = 0;
    c->host_allocating = 0;
    // a budget already used up stops the call at its first instruction
    int spent = c->budget_remaining != NULL && *c->budget_remaining < 0;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, spent ? 1 : c->hook_interval);
    int base = lua_gettop(L) - nargs;  // the function
    // An outermost call uses the message handler that lshim_newstate left at the bottom of the
    // stack; a call from within a call, or after the stack was emptied, pushes one below its
    // function and removes it afterwards.
    int handler = 1;
    int own = c->calls > 0 || base < 2 || lua_tocfunction(L, 1) != message_handler;
    if (own) {
        lua_pushcfunction(L, message_handler);
        lua_rotate(L, base, 1);
        handler = base;
    }
    c->calls++;
    locale_t previous = c_locale ? uselocale(c_locale) : (locale_t)0;
    int status = lua_pcall(L, nargs, nresults, handler);
    if (previous) uselocale(previous);
    c->calls--;
    if (own) lua_remove(L, base);
    if (status == LUA_ERRMEM) {  // no message handler ran: the traceback would be an older one
        c->host_allocating++;
        lua_pushnil(L);
        lua_setfield(L, LUA_REGISTRYINDEX, TRACEBACK_KEY);
    }
    c->host_allocating = 0;
    if (c->limit_hit == LSHIM_LIMIT_MEMORY) lua_gc(L, LUA_GCCOLLECT);
    return status;
}

void lshim_push_traceback(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, TRACEBACK_KEY);
}

static int fresh_budget(lua_State *L) {
    lshim_context *c = lshim_getcontext(L);
    if (c->limit_hit == LSHIM_LIMIT_NONE) {
        c->instructions_used = 0;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, c->hook_interval);
    }
    return 0;
}

void lshim_push_fresh_budget(lua_State *L) {
    lua_pushcfunction(L, fresh_budget);
}

// MARK: - Deep copies of plain data, for checkpoints of an exercise's state

#define COPY_MAX_DEPTH 200

// Copies the value at the top of the stack, replacing it by its copy. Tables are copied with
// their keys and values (a table met twice is copied once, so sharing and cycles survive) and
// keep their metatable; everything else is itself. `seen` (an absolute index) maps originals to
// copies. Raises past COPY_MAX_DEPTH levels of nesting.
static void copy_value(lua_State *L, int seen, int depth) {
    if (lua_type(L, -1) != LUA_TTABLE) return;
    lua_pushvalue(L, -1);
    if (lua_rawget(L, seen) != LUA_TNIL) {  // copied already
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 1);
    if (depth > COPY_MAX_DEPTH) luaL_error(L, "the state is nested more than %d tables deep", COPY_MAX_DEPTH);
    luaL_checkstack(L, 6, "copying the state");
    int original = lua_gettop(L);
    lua_Unsigned length = lua_rawlen(L, original);
    lua_createtable(L, length > INT_MAX ? INT_MAX : (int)length, 0);
    int copy = lua_gettop(L);
    lua_pushvalue(L, original);
    lua_pushvalue(L, copy);
    lua_rawset(L, seen);
    for (lua_Unsigned i = 1; i <= length; i++) {  // the list part, without hashing its keys
        if (lua_rawgeti(L, original, (lua_Integer)i) == LUA_TTABLE) copy_value(L, seen, depth + 1);
        lua_rawseti(L, copy, (lua_Integer)i);
    }
    lua_pushnil(L);
    while (lua_next(L, original) != 0) {  // key, value
        int isnum = 0;
        lua_Integer index = lua_type(L, -2) == LUA_TNUMBER ? lua_tointegerx(L, -2, &isnum) : 0;
        if (isnum && index >= 1 && (lua_Unsigned)index <= length) {
            lua_pop(L, 1);  // copied above
            continue;
        }
        if (lua_type(L, -1) == LUA_TTABLE) copy_value(L, seen, depth + 1);
        if (lua_type(L, -2) == LUA_TTABLE) {
            lua_pushvalue(L, -2);
            copy_value(L, seen, depth + 1);
            lua_insert(L, -2);  // key, copied key, copied value
        } else {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);  // key, key, copied value
        }
        lua_rawset(L, copy);
    }
    if (lua_getmetatable(L, original)) lua_setmetatable(L, copy);
    lua_remove(L, original);
}

static int deep_copy(lua_State *L) {
    lua_settop(L, 1);
    lua_newtable(L);
    lua_insert(L, 1);  // seen, value
    copy_value(L, 1, 0);
    return 1;
}

void lshim_push_deep_copy(lua_State *L) {
    lua_pushcfunction(L, deep_copy);
}

// MARK: - Swift functions

static int trampoline(lua_State *L) {
    lshim_context *c = lshim_getcontext(L);
    int index = (int)lua_tointeger(L, lua_upvalueindex(1));
    int results = c->dispatch(L, c->owner, index);
    if (results < 0) return lua_error(L);  // raised here, after the Swift frames have returned
    return results;
}

void lshim_push_swift_function(lua_State *L, int function_index) {
    lua_pushinteger(L, function_index);
    lua_pushcclosure(L, trampoline, 1);
}

// MARK: - A fixed order of table keys: numbers, then strings byte-wise, then false, true

typedef struct {
    int rank;  // 0 number, 1 string, 2 boolean
    int isint;
    lua_Integer i;
    lua_Number n;
    const char *s;
    size_t len;
    lua_Integer position;  // where the key sits in the list of keys
} key_entry;

static int read_key(lua_State *L, int index, key_entry *e) {
    switch (lua_type(L, index)) {
    case LUA_TNUMBER:
        e->rank = 0;
        e->isint = lua_isinteger(L, index);
        if (e->isint) e->i = lua_tointeger(L, index); else e->n = lua_tonumber(L, index);
        return 1;
    case LUA_TSTRING:
        e->rank = 1;
        e->s = lua_tolstring(L, index, &e->len);
        return 1;
    case LUA_TBOOLEAN:
        e->rank = 2;
        e->i = lua_toboolean(L, index);
        return 1;
    default:
        return 0;
    }
}

static void refuse_key(lua_State *L, int index) {
    luaL_error(L, "pairs/next: a table key of type %s has no fixed order, so iterating over "
                  "this table would differ from run to run; key the table by strings or numbers",
               luaL_typename(L, index));
}

// Compares an integer with a float exactly.
static int compare_int_float(lua_Integer i, lua_Number f) {
    if (f >= 9223372036854775808.0) return -1;
    if (f < -9223372036854775808.0) return 1;
    lua_Number fl = floor(f);
    lua_Integer fi = (lua_Integer)fl;
    if (i < fi) return -1;
    if (i > fi) return 1;
    return (f > fl) ? -1 : 0;
}

static int compare_keys(const key_entry *a, const key_entry *b) {
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    switch (a->rank) {
    case 0:
        if (a->isint && b->isint) return (a->i > b->i) - (a->i < b->i);
        if (!a->isint && !b->isint) return (a->n > b->n) - (a->n < b->n);
        if (a->isint) return compare_int_float(a->i, b->n);
        return -compare_int_float(b->i, a->n);
    case 1: {
        size_t len = a->len < b->len ? a->len : b->len;
        int r = memcmp(a->s, b->s, len);
        if (r != 0) return r < 0 ? -1 : 1;
        return (a->len > b->len) - (a->len < b->len);
    }
    default:
        return (a->i > b->i) - (a->i < b->i);
    }
}

static int compare_entries(const void *a, const void *b) {
    return compare_keys((const key_entry *)a, (const key_entry *)b);
}

// next(t [, k]) in the fixed order: the smallest key greater than k. O(n) a step, which is
// what `next(t) == nil` needs; pairs uses sorted_keys below instead.
static int det_next(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    key_entry after, best, current;
    int have_after = !lua_isnil(L, 2);
    if (have_after && !read_key(L, 2, &after)) refuse_key(L, 2);
    int found = 0;
    lua_pushnil(L);  // 3: best key
    lua_pushnil(L);  // 4: its value
    lua_pushnil(L);  // 5: iteration key
    while (lua_next(L, 1)) {  // 5: key, 6: value
        if (!read_key(L, 5, &current)) refuse_key(L, 5);
        if ((!have_after || compare_keys(&current, &after) > 0)
            && (!found || compare_keys(&current, &best) < 0)) {
            lua_copy(L, 5, 3);
            lua_copy(L, 6, 4);
            read_key(L, 3, &best);
            found = 1;
        }
        lua_pop(L, 1);
    }
    if (!found) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 4);
    return 2;
}

// sorted_keys(t): a list of t's keys in the fixed order.
static int det_sorted_keys(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L);  // 2: the keys in raw order
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, 2, ++count);
    }
    key_entry *entries = (key_entry *)lua_newuserdatauv(L, (size_t)(count > 0 ? count : 1) * sizeof(key_entry), 0);  // 3
    for (lua_Integer k = 1; k <= count; k++) {
        lua_rawgeti(L, 2, k);  // the string stays alive in table 2
        if (!read_key(L, -1, &entries[k - 1])) refuse_key(L, -1);
        entries[k - 1].position = k;
        lua_pop(L, 1);
    }
    qsort(entries, (size_t)count, sizeof(key_entry), compare_entries);
    lua_createtable(L, count > 0x7fffffff ? 0x7fffffff : (int)count, 0);  // 4: the result
    for (lua_Integer k = 1; k <= count; k++) {
        lua_rawgeti(L, 2, entries[k - 1].position);
        lua_rawseti(L, 4, k);
    }
    return 1;
}

// tostring without addresses: a table prints as "table", a function as "function".
static int det_tostring(lua_State *L) {
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        luaL_tolstring(L, 1, NULL);
        return 1;
    }
    switch (lua_type(L, 1)) {
    case LUA_TTABLE:
    case LUA_TFUNCTION:
    case LUA_TTHREAD:
    case LUA_TUSERDATA:
    case LUA_TLIGHTUSERDATA:
        if (luaL_getmetafield(L, 1, "__name") == LUA_TSTRING) return 1;
        lua_pushstring(L, luaL_typename(L, 1));
        return 1;
    default:
        luaL_tolstring(L, 1, NULL);
        return 1;
    }
}

long long lshim_pattern_step_limit(lua_State *L) {
    return lshim_getcontext(L)->pattern_step_limit;
}

// Whether a limit was reached in this call. A limit error is raised from the count hook, and
// Lua runs message handlers for it with hooks off: the sandbox's xpcall skips the plugin's
// handler then, or a handler that loops would never be stopped.
static int limit_reached(lua_State *L) {
    lua_pushboolean(L, lshim_getcontext(L)->limit_hit != LSHIM_LIMIT_NONE);
    return 1;
}

static int install_builtins(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushcfunction(L, det_tostring);
    lua_setfield(L, 1, "tostring");
    lua_pushcfunction(L, det_next);
    lua_setfield(L, 1, "next");
    lua_pushcfunction(L, det_sorted_keys);
    lua_setfield(L, 1, "sorted_keys");
    lua_pushcfunction(L, limit_reached);
    lua_setfield(L, 1, "limit_reached");
    lua_settop(L, 1);
    lshim_pattern_register(L);  // find, match, gmatch, gsub with a step limit
    return 0;
}

int lshim_install_builtins(lua_State *L) {
    lua_pushcfunction(L, install_builtins);
    lua_rotate(L, -2, 1);
    return lua_pcall(L, 1, 0, 0);
}

// MARK: - Macros Swift does not import

void lshim_pop(lua_State *L, int n) { lua_pop(L, n); }
void lshim_newtable(lua_State *L) { lua_newtable(L); }
const char *lshim_tolstring(lua_State *L, int index, size_t *length) { return lua_tolstring(L, index, length); }
int lshim_registryindex(void) { return LUA_REGISTRYINDEX; }
int lshim_isinteger(lua_State *L, int index) { return lua_isinteger(L, index); }
