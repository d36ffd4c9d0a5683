// The C side of Werkvorm's Lua host: everything Swift cannot or must not do itself.
//
// Lua raises errors with longjmp. A longjmp through Swift frames skips releases and defers,
// so Swift enters Lua only through lshim_pcall, and Swift functions exposed to Lua return a
// status to a C trampoline that raises the error after the Swift frames have returned.
#ifndef LUASHIM_H
#define LUASHIM_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/// Why the last protected call stopped early, if it hit a limit.
typedef enum {
    LSHIM_LIMIT_NONE = 0,
    LSHIM_LIMIT_INSTRUCTIONS = 1,
    LSHIM_LIMIT_MEMORY = 2,
    LSHIM_LIMIT_BUDGET = 3,
} lshim_limit;

/// A Swift function called from Lua. Returns the number of results it pushed, or -1 after
/// pushing an error message, which the trampoline then raises.
typedef int (*lshim_dispatch)(lua_State *L, void *owner, int function_index);

/// Per-state context, kept in the state's extra space. Owned by the Swift host.
typedef struct lshim_context {
    size_t memory_used;
    size_t memory_limit;          // 0: no limit
    int host_allocating;          // > 0 while the host itself pushes values: the cap is lifted
    long long instruction_limit;  // per protected call; 0: no limit
    long long instructions_used;
    long long *budget_remaining;  // instructions left for all the calls of all states sharing it, with
                                  // an instruction for every 64 bytes allocated; NULL: none
    long long budget_total;       // what that budget was at first, for the message
    int hook_interval;            // instructions between two count hooks
    lshim_limit limit_hit;        // sticky until the next lshim_pcall
    long long pattern_step_limit; // per pattern-function call; 0: no limit
    int calls;                    // protected calls under way (one within another: more than 1)
    lua_State *main;
    void *owner;                  // the Swift host, passed back to dispatch
    lshim_dispatch dispatch;
} lshim_context;

/// Creates a state with the counting allocator and the count hook, and the message handler of
/// lshim_pcall at the bottom of its stack: leave it there (a call finds it missing pushes its own).
/// NULL if out of memory.
lua_State *lshim_newstate(lshim_context *context);
/// The context of a state (or of one of its threads).
lshim_context *lshim_getcontext(lua_State *L);

/// Opens the standard libraries in protected mode. Returns a Lua status.
int lshim_openlibs(lua_State *L);
/// Sets the deterministic builtins (tostring, next, sorted_keys) and the step-limited pattern
/// functions (find, match, gmatch, gsub) on the table on top of the stack, and pops it.
/// Returns a Lua status.
int lshim_install_builtins(lua_State *L);

/// Loads a text chunk (never binary). Returns a Lua status; on error the message is on the stack.
int lshim_loadtext(lua_State *L, const char *source, size_t length, const char *chunkname);
/// Calls the function below nargs arguments with a fresh instruction budget, a message handler
/// that stores a traceback, and the C numeric locale. Returns a Lua status.
int lshim_pcall(lua_State *L, int nargs, int nresults);
/// The traceback of the last failed lshim_pcall, pushed as a string (or nil).
void lshim_push_traceback(lua_State *L);
/// Pushes a Lua function that gives the plugin code called next a fresh instruction budget, for
/// the host's own Lua that calls plugin functions several times within one lshim_pcall. A limit
/// already reached stays reached. Never to be handed to plugin code.
void lshim_push_fresh_budget(lua_State *L);
/// Pushes a Lua function that returns a deep copy of its argument: tables copied with their
/// keys and values, sharing and cycles kept, metatables shared. For the host's checkpoints of
/// an exercise's state; never handed to plugin code.
void lshim_push_deep_copy(lua_State *L);

/// Pushes a C closure that calls the context's dispatch with function_index.
void lshim_push_swift_function(lua_State *L, int function_index);

// Function-like macros that Swift does not import.
void lshim_pop(lua_State *L, int n);
void lshim_newtable(lua_State *L);
const char *lshim_tolstring(lua_State *L, int index, size_t *length);
int lshim_registryindex(void);
int lshim_isinteger(lua_State *L, int index);

#endif
