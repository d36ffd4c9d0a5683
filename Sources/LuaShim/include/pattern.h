/*
** pattern.h - step-limited replacements for Lua's string pattern functions
**
** lshim_pattern_register installs string.find, string.match,
** string.gmatch and string.gsub replacements whose matcher counts its
** work and raises a Lua error when a per-call step limit is exceeded.
*/

#ifndef LSHIM_PATTERN_H
#define LSHIM_PATTERN_H

#include <lua.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
** Sets the fields 'find', 'match', 'gmatch' and 'gsub' of the table at
** the top of the stack to the step-limited implementations. The table
** is left on the stack.
*/
void lshim_pattern_register(lua_State *L);

/*
** Returns the maximum number of matching steps a single call of one of
** the functions above may take (for gmatch: a single call of the
** iterator). A value <= 0 means "no limit". Implemented by the host.
*/
long long lshim_pattern_step_limit(lua_State *L);

#ifdef __cplusplus
}
#endif

#endif /* LSHIM_PATTERN_H */
