/// The facilitator's control page: go to a step or phase, reveal or hide results, pause input,
/// approve or hide held texts, enter an input for someone without a phone, see who joined, and
/// export the record and the report at any time.
enum FacilitatorPage {
    static func html(_ context: PageContext) -> String {
        let say = context.say
        let body = """
            <main style="max-width:1100px">
            <div class="row" style="justify-content:space-between">
            <h1>\(PageContext.escape(context.title))</h1>
            <span id="status" class="status" role="status" aria-live="polite"><span class="dot" aria-hidden="true"></span><span id="status-text">\(say("Verbinden…", "Connecting…"))</span></span>
            </div>
            <div class="grid">
            <div>
            <section class="card" aria-labelledby="now-title">
            <h2 id="now-title">\(say("Nu", "Now"))</h2>
            <p id="now"></p>
            <div id="phases" class="row"></div>
            <div class="row" style="margin-top:10px">
            <button id="reveal" type="button" class="secondary"></button>
            <button id="pause" type="button" class="secondary"></button>
            </div>
            <p id="answer" role="alert"></p>
            </section>
            <section class="card" aria-labelledby="held-title" id="held-card" hidden>
            <h2 id="held-title">\(say("Te beoordelen", "To moderate"))</h2>
            <ul id="held" class="plain"></ul>
            </section>
            <section class="card" aria-labelledby="inputs-title">
            <h2 id="inputs-title">\(say("Invoer", "Input"))</h2>
            <div id="inputs"></div>
            </section>
            <section class="card" aria-labelledby="view-title">
            <h2 id="view-title">\(say("Stand van de oefening", "State of the exercise"))</h2>
            <div id="view"></div>
            </section>
            </div>
            <div>
            <section class="card" aria-labelledby="join-title">
            <h2 id="join-title">\(say("Meedoen", "Joining"))</h2>
            <p>\(say("Code", "Code")): <strong id="code" style="font-size:1.4rem;letter-spacing:.1em"></strong></p>
            <ul id="addresses" class="plain"></ul>
            <p><a id="projector" target="_blank" rel="noopener">\(say("Projector openen", "Open the projector"))</a></p>
            </section>
            <section class="card" aria-labelledby="steps-title">
            <h2 id="steps-title">\(say("Stappen", "Steps"))</h2>
            <ol id="steps" class="plain"></ol>
            </section>
            <section class="card" aria-labelledby="people-title">
            <h2 id="people-title">\(say("Deelnemers", "Participants")) (<span id="count">0</span>)</h2>
            <ul id="people" class="plain" style="max-height:260px;overflow:auto"></ul>
            </section>
            <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">\(say("Bewaren", "Keep"))</h2>
            <div class="row">
            <a href="/api/facilitator/record" download>\(say("Record (JSON)", "Record (JSON)"))</a>
            <a href="/api/facilitator/report" download>\(say("Verslag (HTML)", "Report (HTML)"))</a>
            </div>
            <p><button id="end" type="button" class="danger">\(say("Sessie beëindigen", "End the session"))</button></p>
            </section>
            </div>
            </div>
            </main>
            """
        return context.document(title: say("Bediening: ", "Control: ") + context.title, style: style, body: body, script: script)
    }

    static let style = """
        .grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 18px}
        @media (max-width:800px){.grid{grid-template-columns:1fr}}
        #steps li{display:flex;gap:8px;align-items:center;justify-content:space-between}
        #steps li.current{font-weight:700}
        #phases button[aria-pressed=true]{background:#24518f;color:#fff}
        """

    static let script = #"""
        const $ = id => document.getElementById(id);
        const OUTBOX = new Outbox("werkvorm-facilitator-" + SETTINGS.code, answered);
        let current = null, formKey = "";

        function setState(online, ended) {
          $("status").classList.toggle("online", online);
          $("status-text").textContent = ended ? T("Sessie beëindigd; het record is geschreven", "Session ended; the record is written")
            : online ? T("Verbonden", "Connected") : T("Geen verbinding", "No connection");
          if (online) OUTBOX.flush();
        }
        function answered(item, status, answer) {
          if (!answer) { $("answer").textContent = item.label + ": " + T("wacht op verbinding…", "waiting for the connection…"); return; }
          $("answer").className = status === 200 ? "ok" : "bad";
          $("answer").textContent = item.label + ": " + (status === 200 ? T("gedaan ✓", "done ✓") : (answer.reason || status));
        }
        function act(fields, label) {
          OUTBOX.add("/api/facilitator/event", Object.assign({ id: newId() }, fields), label);
        }

        // A list is made again only when what it shows changed: a button under the pointer or
        // the keyboard's focus is never replaced while phones send in.
        const shown = {};
        function rebuild(id, key, make) {
          const text = JSON.stringify(key);
          if (shown[id] === text) return;
          shown[id] = text;
          $(id).replaceChildren(...make());
        }

        // inputs to moderate appear above the phase's forms: the one being filled in stays put
        function show(view) { steady("inputs", () => draw(view)); }

        function draw(view) {
          current = view;
          const step = view.step;
          $("code").textContent = view.join.code;
          rebuild("addresses", view.join.addresses, () => view.join.addresses.length ? view.join.addresses.map(a => el("li", { text: a }))
            : [el("li", { class: "bad", text: T("Geen netwerk: telefoons kunnen de laptop nu niet bereiken", "No network: phones cannot reach the laptop now") })]);
          $("projector").href = view.join.projector;
          $("now").textContent = step ? step.id + ". " + step.title + (step.phase ? " — " + step.phase.title : "") : T("Nog bij geen stap; kies er een rechts.", "At no step yet; choose one.");
          const info = step && view.steps.find(s => s.id === step.id);
          rebuild("phases", [step && step.id, step && step.phase && step.phase.id], () => ((info && info.phases) || []).map(phase => el("button", {
            type: "button", class: "secondary", "aria-pressed": String(step.phase && step.phase.id === phase.id),
            onclick: () => act({ step: step.id, phase: phase.id }, T("Fase ", "Phase ") + phase.title) }, phase.title)));
          $("reveal").hidden = !(info && info.exercise);
          $("reveal").textContent = step && step.revealed ? T("Uitslag verbergen", "Hide the results") : T("Uitslag tonen op de projector", "Show the results on the projector");
          $("reveal").onclick = () => act({ step: step.id, reveal: !step.revealed }, $("reveal").textContent);
          $("pause").textContent = view.paused ? T("Invoer weer openen", "Open input again") : T("Invoer pauzeren", "Pause input");
          $("pause").onclick = () => act({ pause: !view.paused }, $("pause").textContent);
          rebuild("steps", step && step.id, () => view.steps.map(s => el("li", { class: step && step.id === s.id ? "current" : "" },
            el("span", { text: s.id + ". " + s.title + " (" + s.minutes + "′)" }),
            el("button", { type: "button", class: "secondary", "aria-label": T("Ga naar stap ", "Go to step ") + s.id,
              onclick: () => act({ go: s.id }, T("Naar stap ", "To step ") + s.id) }, T("Ga", "Go")))));
          $("count").textContent = view.participants.length;
          rebuild("people", view.participants.length, () => view.participants.map(p => el("li", { text: p.id })));
          $("held-card").hidden = !view.held.length;
          rebuild("held", view.held.map(h => h.seq), () => view.held.map(h => el("li", {},
            el("p", { text: Object.values(h.fields).map(renderValue).join(" · ") }),
            el("div", { class: "row" },
              el("button", { type: "button", "aria-label": T("Goedkeuren: ", "Approve: ") + Object.values(h.fields).map(renderValue).join(" · "),
                onclick: () => act({ approve: h.seq }, T("Goedgekeurd", "Approved")) }, T("Goedkeuren", "Approve")),
              el("button", { type: "button", class: "secondary", "aria-label": T("Verbergen: ", "Hide: ") + Object.values(h.fields).map(renderValue).join(" · "),
                onclick: () => act({ hide: h.seq }, T("Verborgen", "Hidden")) }, T("Verbergen", "Hide"))))));
          const key = JSON.stringify([step && step.id, step && step.phase && step.phase.id, view.participants.length]);
          if (key !== formKey) { formKey = key; renderInputs(view, info); }
          for (const select of document.querySelectorAll("select[data-refers]")) fillItems(select, view);
          $("view").replaceChildren(renderView(view.view));
        }

        // A field that names an item by its number offers the items of the exercise's view to
        // choose from (the engagements, the questions), kept up to date as items come in.
        function itemsFor(view, refers) {
          const list = view.view && view.view[refers];
          return Array.isArray(list) ? list.map(i => [i.id ?? i.number, pick(i.text)]).filter(i => i[0] !== undefined) : null;
        }
        function fillItems(select, view) {
          const items = itemsFor(view, select.dataset.refers) || [];
          const key = JSON.stringify(items);
          if (select.dataset.items === key) return;
          select.dataset.items = key;
          const chosen = select.value;
          select.replaceChildren(el("option", { value: "", text: "—" }), ...items.map(([n, t]) => el("option", { value: String(n), text: n + ". " + (t ?? "") })));
          select.value = chosen;
        }

        // The phase's inputs: the facilitator's own, and the participants' to enter for
        // someone without a phone (recorded as on their behalf).
        function renderInputs(view, info) {
          const box = $("inputs");
          box.replaceChildren();
          const step = view.step;
          const phase = info && info.phases && info.phases.find(p => step.phase && p.id === step.phase.id);
          if (!phase || !phase.inputs.length) { box.append(el("p", { class: "muted", text: T("Geen invoer in deze fase.", "No input in this phase.") })); return; }
          for (const input of phase.inputs) {
            const form = el("form", { class: "card" }, el("h2", { text: input.title + (input.by === "participant" ? T(" — namens een deelnemer", " — on behalf of a participant") : "") }));
            let who = null;
            if (input.by === "participant") {
              const id = "who-" + input.name;
              who = el("select", { id, required: true }, el("option", { value: "", text: "—" }), view.participants.map(p => el("option", { value: p.id, text: p.id })));
              form.append(el("label", { for: id, text: T("Voor wie", "For whom") }), who);
            }
            const readers = input.fields.map(field => {
              const id = "fi-" + input.name + "-" + field.name;
              form.append(el("label", { for: id, text: field.label }));
              let node;
              if (field.kind === "choice") node = el("select", { id }, el("option", { value: "", text: "—" }), field.options.map(o => el("option", { value: o.value, text: o.label })));
              else if (field.kind === "participant") node = el("select", { id }, el("option", { value: "", text: "—" }), view.participants.map(p => el("option", { value: p.id, text: p.id })));
              else if (field.refers_to && itemsFor(view, field.refers_to)) {
                node = el("select", { id, "data-refers": field.refers_to });
                fillItems(node, view);
              }
              else if (field.kind === "boolean") node = el("input", { type: "checkbox", id });
              else if (field.kind === "text") node = el("textarea", { id, maxlength: field.max_length, rows: 2 });
              else node = el("input", { type: "number", id, min: field.min, max: field.max, step: field.kind === "integer" ? 1 : "any" });
              form.append(node);
              return [field, () => field.kind === "boolean" ? node.checked : (field.kind === "integer" || field.kind === "number") ? (node.value === "" ? undefined : Number(node.value)) : node.value.trim()];  // a select of items too
            });
            form.append(el("button", { type: "submit" }, input.fields.length ? T("Invoeren", "Enter") : input.title));  // "Volgende ronde"
            form.addEventListener("submit", event => {
              event.preventDefault();
              const fields = {};
              for (const [field, read] of readers) { const v = read(); if (v !== undefined && v !== "") fields[field.name] = v; }
              const event_ = { step: step.id, input: input.name, fields };
              if (who) { if (!who.value) return; event_.participant = who.value; event_.on_behalf = true; }
              act(event_, input.title);
              form.reset();
            });
            box.append(form);
          }
        }

        $("end").addEventListener("click", async () => {
          if (!confirm(T("De sessie beëindigen en het record schrijven? Daarna kan niemand nog iets insturen.", "End the session and write the record? Nobody can send anything after that."))) return;
          const response = await post("/api/facilitator/end", {}).catch(() => null);
          $("answer").textContent = response && response.ok ? T("Sessie beëindigd; het record is geschreven.", "Session ended; the record is written.") : T("Beëindigen lukte niet", "Ending did not work");
        });
        stream("/api/facilitator/stream", show, setState);
        """#
}
