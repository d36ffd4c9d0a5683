extension ExerciseRun {
    /// Calls the exercise's `init` and handlers from Lua, for all the inputs of a batch in one go.
    static let runnerSource = """
        local budget = ...
        local input_names, phase_ids
        return {
          init = function(init, ctx)
            local state = init(ctx.params, ctx.participants, ctx)
            if type(state) ~= "table" then
              error("init must return the state, a table; it returned " .. type(state), 0)
            end
            return state
          end,
          -- Each input in turn, each handler with a whole budget. A handler's `false, reason`
          -- rejects its input; whatever else it returns (the state, say) means accepted.
          -- `progress.current` says which input a raised error came from. Returns nil when
          -- all were accepted, else the rejected inputs' places, also `progress.rejected`,
          -- with their reasons in `progress.reasons`: tables made only when needed.
          handle_all = function(handlers, state, inputs, ctx, progress)
            progress.current, progress.rejected, progress.reasons = 0, nil, nil
            local rejected, reasons
            for i = 1, #inputs do
              local input = inputs[i]
              progress.current = i
              budget()
              local ok, reason = handlers[input.name](state, input, ctx)
              if ok == false then
                if not rejected then
                  rejected, reasons = {}, {}
                  progress.rejected, progress.reasons = rejected, reasons
                end
                rejected[#rejected + 1] = i
                reasons[i] = reason
              end
            end
            return rejected
          end,
          -- One input, with a whole budget: the `which`th input name's handler, in the phase
          -- numbered `phase`. Nothing back when it is accepted, its reason in a table when its
          -- handler says `false, reason`. The input's table is made here, where its keys are
          -- constants.
          handle_one = function(handlers, state, which, participant, fields, phase, ctx)
            local name = input_names[which]
            local input = { name = name, participant = participant, fields = fields, phase = phase_ids[phase] }
            budget()
            local ok, reason = handlers[name](state, input, ctx)
            if ok == false then return { reason = reason } end
          end,
          -- The handlers as they were when the exercise was loaded, by input name; the names
          -- and the phases' ids, which handle_one is given by their place.
          collect = function(names, phases, ...)
            local handlers = {}
            for i, name in ipairs(names) do handlers[name] = select(i, ...) end
            input_names, phase_ids = names, phases
            return handlers
          end,
        }
        """
}
