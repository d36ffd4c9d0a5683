/// The phone's page: joining with the code (no account; a name only when the script asks),
/// then the current step as a form made from the exercise's input declarations, the exercise's
/// view for this person, and what they sent with its answer. "Verstuurd ✓" shows only once
/// the server has journalled the input.
enum PhonePage {
    static func html(_ context: PageContext) -> String {
        let say = context.say
        let body = """
            <header class="card" style="margin:0;border-radius:0">
            <div class="row" style="justify-content:space-between">
            <strong>\(PageContext.escape(context.title))</strong>
            <span id="status" class="status" role="status" aria-live="polite"><span class="dot" aria-hidden="true"></span><span id="status-text">\(say("Verbinden…", "Connecting…"))</span></span>
            </div>
            </header>
            <main>
            <section id="join" class="card" hidden>
            <h1>\(say("Meedoen", "Join"))</h1>
            <form id="join-form">
            <label for="code">\(say("Code van de sessie", "Session code"))</label>
            <input id="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" required>
            <div id="name-box" hidden>
            <label for="name">\(say("Je naam", "Your name"))</label>
            <input id="name" type="text" autocomplete="nickname" maxlength="40">
            </div>
            <p id="anonymous-note" class="muted">\(say("Je doet anoniem mee: niemand ziet wie wat schreef.", "You take part anonymously: nobody sees who wrote what."))</p>
            <button type="submit">\(say("Meedoen", "Join"))</button>
            <p id="join-error" class="bad" role="alert"></p>
            </form>
            </section>
            <section id="session" hidden>
            <p id="me" class="muted"></p>
            <h1 id="step-title"></h1>
            <p id="phase" class="muted"></p>
            <p id="paused" class="card wait" hidden>\(say("Even pauze: de invoer staat stil.", "Paused: input is on hold."))</p>
            <div id="view" class="card" hidden></div>
            <div id="forms"></div>
            <section class="card" aria-labelledby="mine-title">
            <h2 id="mine-title">\(say("Wat je instuurde", "What you sent"))</h2>
            <ul id="mine" class="plain" aria-live="polite"></ul>
            </section>
            </section>
            </main>
            """
        return context.document(title: context.title, style: style, body: body, script: script)
    }

    static let style = """
        .dots li{display:flex;align-items:center;gap:8px}
        .dots .text{flex:1}
        .dots .count{min-width:2em;text-align:center;font-weight:700}
        svg.map{width:100%;height:auto;touch-action:manipulation}
        svg.map .place{cursor:pointer}
        svg.map .place circle{fill:#fff;stroke:#24518f;stroke-width:3}
        svg.map .place[aria-checked=true] circle{fill:#24518f}
        svg.map .place:focus-visible circle{stroke:#e8a317;stroke-width:5}
        svg.map text{font-size:13px;fill:#1b1b1f}
        """

    static let script = #"""
        const OUTBOX = new Outbox("werkvorm-outbox-" + SETTINGS.code, answered);
        const pending = new Map();   // id -> label, until answered
        const answers = new Map();   // id -> answer text
        let current = null;          // the last view
        let formKey = "";
        const $ = id => document.getElementById(id);

        function setState(online, ended) {
          $("status").classList.toggle("online", online);
          $("status-text").textContent = ended ? T("De sessie is afgelopen", "The session has ended")
            : online ? T("Verbonden", "Connected") : T("Geen verbinding; je invoer wacht en gaat vanzelf", "No connection; your input waits and goes by itself");
          if (online) OUTBOX.flush();
        }
        window.addEventListener("online", () => OUTBOX.flush());

        async function start() {
          const code = new URLSearchParams(location.search).get("code") || localStorage.getItem("werkvorm-code") || "";
          $("code").value = code;
          $("name-box").hidden = !SETTINGS.askNames;
          $("name").required = SETTINGS.askNames;
          $("anonymous-note").hidden = SETTINGS.askNames;
          let me = null;
          try { me = await fetch("/api/phone/me", { credentials: "same-origin" }); } catch (e) {}
          if (me && me.ok) return joined();
          $("join").hidden = false;
          setState(false);
          $("status-text").textContent = T("Nog niet aangemeld", "Not joined yet");
        }

        $("join-form").addEventListener("submit", async event => {
          event.preventDefault();
          $("join-error").textContent = "";
          const body = { code: $("code").value };
          if (SETTINGS.askNames) body.name = $("name").value;
          let response;
          try { response = await post("/api/join", body); } catch (e) {
            $("join-error").textContent = T("De laptop is niet bereikbaar; probeer het zo opnieuw", "The laptop cannot be reached; try again shortly");
            return;
          }
          const answer = await response.json().catch(() => ({}));
          if (!response.ok) { $("join-error").textContent = answer.reason || response.status; return; }
          localStorage.setItem("werkvorm-code", body.code);
          joined();
        });

        function joined() {
          $("join").hidden = true;
          $("session").hidden = false;
          for (const item of OUTBOX.items) pending.set(item.id, item.label);
          stream("/api/phone/stream", show, setState, async () => {
            // a stream refused: when the laptop no longer knows this phone, join again
            const me = await fetch("/api/phone/me", { credentials: "same-origin" }).catch(() => null);
            if (me && me.status === 401) { $("session").hidden = true; $("join").hidden = false; return false; }
            return true;
          });
          OUTBOX.flush();
        }

        function answered(item, status, answer) {
          if (!answer) { pending.set(item.id, item.label); renderMine(); return; }
          pending.delete(item.id);
          answers.set(item.id, { label: item.label, answer, step: item.body && item.body.step });
          renderMine();
        }

        function send(input, fields, label) {
          if (!current || !current.step) return;
          const body = { id: newId(), step: current.step.id, input: input.name, fields };
          pending.set(body.id, label);
          renderMine();
          OUTBOX.add("/api/phone/input", body, label);
        }

        function resultText(answer) {
          if (answer.result === "accepted") return ["ok", T("Verstuurd ✓", "Sent ✓")];
          if (answer.result === "held") return ["wait", T("Verstuurd ✓ — wacht op goedkeuring", "Sent ✓ — waiting for approval")];
          return ["bad", T("Niet aangenomen: ", "Not taken: ") + (answer.reason || "")];
        }

        // An input's fields as the phone showed them: a choice by its label and an item by its
        // number and text, not by the value the exercise keeps.
        const KNOWN_INPUTS = {};  // "step/input name" -> the input's declaration, as last seen
        function describe(input, fields) {
          const shown = (key, value) => {
            const field = input && input.fields.find(f => f.name === key);
            const option = field && (field.options || []).find(o => o.value === value);
            if (option) return pick(option.label);
            const item = field && field.refers_to && current && (itemsOf(current, field) || []).find(i => i.id === value);
            return item ? value + ". " + renderValue(item.text) : renderValue(value);
          };
          return Object.entries(fields || {}).map(([key, value]) => shown(key, value)).join(" · ");
        }

        // What is still on its way, what was just answered at this step, and what the session
        // holds for this person at this step (after a reload too), newest first.
        function renderMine() {
          const list = $("mine");
          list.replaceChildren();
          for (const [, label] of pending) list.append(el("li", { class: "wait" }, label + " — " + T("wordt verstuurd…", "sending…")));
          const held = new Set(((current && current.mine) || []).map(m => m.seq));
          const titles = Object.fromEntries(((current && current.inputs) || []).map(i => [i.name, i.title]));  // mine has its own title too
          const rows = [];
          const stepId = current && current.step && current.step.id;
          for (const [, { label, answer, step }] of answers)
            if (step === stepId && !held.has(answer.duplicate ?? answer.seq)) rows.push([label, answer]);
          // the inputs of earlier phases too: what was sent then keeps its labels
          for (const input of (current && current.inputs) || []) KNOWN_INPUTS[stepId + "/" + input.name] = input;
          for (const mine of (current && current.mine) || []) {
            const summary = describe(KNOWN_INPUTS[stepId + "/" + mine.input], mine.fields);  // mine is this step's
            rows.push([(mine.title || titles[mine.input] || mine.input) + (summary ? ": " + summary : ""), mine]);
          }
          rows.sort((a, b) => (b[1].duplicate ?? b[1].seq ?? 0) - (a[1].duplicate ?? a[1].seq ?? 0));
          for (const [label, answer] of rows.slice(0, 30)) {
            const [kind, text] = resultText(answer);
            list.append(el("li", {}, label + " — ", el("span", { class: kind, text })));
          }
          if (!list.children.length) list.append(el("li", { class: "muted", text: T("Nog niets.", "Nothing yet.") }));
        }

        // the others' post-its appear above the forms: the form a finger is on stays put
        function show(view) { steady("forms", () => draw(view)); }

        function draw(view) {
          current = view;
          const step = view.step;
          // who you are here: the others see this name beside yours in a pair or a group
          $("me").textContent = view.participant ? T("Je doet mee als ", "You take part as ") + view.participant : "";
          $("step-title").textContent = step ? step.title : T("Welkom! De sessie begint zo.", "Welcome! The session starts shortly.");
          $("phase").textContent = step && step.phase ? step.phase.title : "";
          $("paused").hidden = !view.paused;
          // the forms are drawn again when what they offer changes: the inputs, the items they refer to, a map's poles
          const key = JSON.stringify([step && step.id, step && step.phase && step.phase.id, view.inputs, references(view), view.view && view.view.poles]);
          if (key !== formKey) { formKey = key; renderForms(view); }
          else updateDots(view);
          const skip = new Set(view.inputs.flatMap(i => i.fields.map(f => f.refers_to)).filter(Boolean));
          const shown = renderView(view.view, skip);
          $("view").hidden = !shown.children.length;
          $("view").replaceChildren(shown);
          renderMine();
        }

        function references(view) {
          const out = {};
          for (const input of view.inputs) for (const field of input.fields)
            if (field.refers_to && view.view) out[field.refers_to] = view.view[field.refers_to];
          return out;
        }
        function itemsOf(view, field) {
          const list = view.view && view.view[field.refers_to];
          return Array.isArray(list) ? list.map(item => ({ id: item.id ?? item.number, text: pick(item.text) })).filter(i => i.id !== undefined) : null;
        }

        // What someone typed is kept while the form is made again, also through a pause.
        const drafts = {};
        document.addEventListener("input", e => { if (e.target.id && e.target.closest("#forms")) drafts[e.target.id] = e.target.value; });
        function renderForms(view) {
          const kept = drafts;
          const box = $("forms");
          box.replaceChildren();
          const byName = Object.fromEntries(view.inputs.map(i => [i.name, i]));
          const done = new Set();
          for (const input of view.inputs) {
            const minus = view.inputs.find(other => other.undoes === input.name);
            if (minus && input.fields[0] && input.fields[0].refers_to) {
              box.append(dotsCard(view, input, minus));
              done.add(input.name); done.add(minus.name);
            }
          }
          for (const input of view.inputs) if (!done.has(input.name)) box.append(formCard(view, input));
          for (const [id, value] of Object.entries(kept)) { const node = document.getElementById(id); if (node) node.value = value; }
        }

        function dotsCard(view, plus, minus) {
          const field = plus.fields[0];
          const items = itemsOf(view, field) || [];
          const card = el("section", { class: "card", "aria-label": plus.title });
          card.append(el("h2", { text: plus.title }));
          card.append(el("p", { id: "dots-left", class: "muted", "aria-live": "polite" }));
          const list = el("ul", { class: "plain dots" });
          if (!items.length) list.append(el("li", { class: "muted", text: T("Nog niets om uit te kiezen.", "Nothing to choose from yet.") }));
          for (const item of items) {
            const label = item.id + ". " + item.text;
            list.append(el("li", {},
              el("span", { class: "text", text: label }),
              el("button", { type: "button", class: "secondary", "aria-label": minus.title + ": " + label,
                onclick: () => send(minus, { [field.name]: item.id }, "− " + label) }, "−"),
              el("span", { class: "count", "data-item": item.id, "aria-label": T("bolletjes", "dots") }, "0"),
              el("button", { type: "button", "aria-label": plus.title + ": " + label,
                onclick: () => send(plus, { [field.name]: item.id }, "+ " + label) }, "+")));
          }
          card.append(list);
          setTimeout(() => updateDots(view), 0);
          return card;
        }
        function updateDots(view) {
          const v = view.view || {};
          const left = document.getElementById("dots-left");
          // the dots left are shown here, beside the items, and not again in the view
          if (left) left.textContent = v.dots_left !== undefined
            ? (v.dots_left === 1 ? T("Je hebt nog 1 bolletje", "You have 1 dot left") : T("Je hebt nog " + v.dots_left + " bolletjes", "You have " + v.dots_left + " dots left")) : "";
          // my_dots is a list of { note, count } (engagement-voting), or a map from item to count
          const mine = {};
          if (Array.isArray(v.my_dots)) { for (const d of v.my_dots) if (d && typeof d === "object") mine[d.note ?? d.id ?? d.number] = d.count; }
          else Object.assign(mine, v.my_dots || {});
          for (const node of document.querySelectorAll(".dots .count")) {
            const count = mine[node.dataset.item] ?? 0;
            node.textContent = String(count);
            node.previousElementSibling.disabled = count === 0;  // nothing to take back
          }
        }

        function formCard(view, input) {
          const form = el("form", { class: "card", "aria-label": input.title });
          form.append(el("h2", { text: input.title }));
          const readers = [];
          for (const field of input.fields) readers.push([field, fieldControl(view, input, field, form)]);
          const error = el("p", { class: "bad", role: "alert" });
          form.append(el("button", { type: "submit" }, T("Versturen", "Send")), error);
          form.addEventListener("submit", event => {
            event.preventDefault();
            const fields = {};
            for (const [field, read] of readers) {
              const value = read();
              if (value === undefined || value === "") {
                if (field.required) { error.textContent = T("Vul in: ", "Fill in: ") + field.label; return; }
                continue;
              }
              fields[field.name] = value;
            }
            error.textContent = "";
            const summary = describe(input, fields);
            send(input, fields, input.title + (summary ? ": " + summary : ""));
            for (const node of form.querySelectorAll("input[type=text],input[type=number],textarea")) { node.value = ""; delete drafts[node.id]; }
            for (const node of form.querySelectorAll("input[type=radio],input[type=checkbox]")) node.checked = false;
            for (const node of form.querySelectorAll("[role=radio]")) node.setAttribute("aria-checked", "false");
          });
          return form;
        }

        function fieldControl(view, input, field, form) {
          const id = "f-" + input.name + "-" + field.name;
          const items = field.refers_to ? itemsOf(view, field) : null;
          if (items) return radios(form, id, field, items.map(i => ({ value: i.id, label: i.id + ". " + i.text })));
          if (field.kind === "choice") {
            if (field.options.every(o => o.x !== undefined)) return mapControl(form, id, field, view.view && view.view.poles);
            return radios(form, id, field, field.options);
          }
          if (field.kind === "boolean") {
            const box = el("input", { type: "checkbox", id });
            form.append(el("div", { class: "choice" }, el("label", { for: id }, box, field.label)));
            return () => box.checked;
          }
          form.append(el("label", { for: id, text: field.label + (field.required ? "" : T(" (mag leeg)", " (optional)")) }));
          if (field.kind === "text") {
            const box = el("textarea", { id, maxlength: field.max_length, rows: 3 });
            form.append(box);
            return () => box.value.trim();
          }
          if (field.kind === "integer" || field.kind === "number") {
            const box = el("input", { type: "number", id, inputmode: field.kind === "integer" ? "numeric" : "decimal",
              min: field.min, max: field.max, step: field.kind === "integer" ? 1 : "any" });
            form.append(box);
            return () => box.value === "" ? undefined : Number(box.value);
          }
          const box = el("input", { type: "text", id });
          form.append(box);
          return () => box.value.trim();
        }

        function radios(form, id, field, options) {
          const group = el("fieldset", { class: "choice", style: "border:0;padding:0;margin:.6em 0" }, el("legend", { style: "font-weight:600", text: field.label }));
          options.forEach((option, index) => {
            const box = el("input", { type: "radio", name: id, id: id + "-" + index, value: String(option.value) });
            group.append(el("label", { for: id + "-" + index }, box, option.label));
          });
          if (!options.length) group.append(el("p", { class: "muted", text: T("Nog niets om uit te kiezen.", "Nothing to choose from yet.") }));
          form.append(group);
          return () => {
            const chosen = group.querySelector("input:checked");
            if (!chosen) return undefined;
            const option = options[Number(chosen.id.split("-").pop())];
            return option.value;
          };
        }

        // A choice of places (the polarisation map): drawn, each place a radio to tap.
        function mapControl(form, id, field, poles) {
          const ns = "http://www.w3.org/2000/svg";
          const svg = document.createElementNS(ns, "svg");
          svg.setAttribute("viewBox", "0 0 340 210");
          svg.setAttribute("class", "map");
          svg.setAttribute("role", "radiogroup");
          svg.setAttribute("aria-label", field.label);
          const line = document.createElementNS(ns, "line");
          for (const [k, v] of Object.entries({ x1: 20, y1: 105, x2: 320, y2: 105, stroke: "#8a8a94", "stroke-width": 2 })) line.setAttribute(k, v);
          svg.append(line);
          let chosen;
          const places = [];
          field.options.forEach(option => {
            const g = document.createElementNS(ns, "g");
            const x = 170 + option.x * 140, y = 185 - option.y * 160;
            g.setAttribute("class", "place");
            g.setAttribute("role", "radio");
            g.setAttribute("tabindex", "0");
            g.setAttribute("aria-checked", "false");
            g.setAttribute("aria-label", option.label);
            const circle = document.createElementNS(ns, "circle");
            circle.setAttribute("cx", x); circle.setAttribute("cy", y); circle.setAttribute("r", 16);
            const text = document.createElementNS(ns, "text");
            text.setAttribute("x", x); text.setAttribute("y", y + 32); text.setAttribute("text-anchor", "middle");
            text.textContent = option.label.replace(/ \(.*\)$/, "");
            g.append(circle, text);
            const pick = () => { chosen = option.value; for (const p of places) p.setAttribute("aria-checked", String(p === g)); };
            g.addEventListener("click", pick);
            g.addEventListener("keydown", e => { if (e.key === " " || e.key === "Enter") { e.preventDefault(); pick(); } });
            places.push(g);
            svg.append(g);
          });
          form.append(el("p", { style: "font-weight:600", text: field.label }));
          if (poles && typeof poles === "object") {  // the two poles, at the ends of the line
            form.append(el("div", { class: "row", style: "justify-content:space-between;flex-wrap:nowrap;font-size:.85rem" },
              el("span", { style: "max-width:48%", text: "← " + (pick(poles.left) || "") }), el("span", { style: "max-width:48%;text-align:right", text: (pick(poles.right) || "") + " →" })));
          }
          form.append(svg);
          return () => places.some(p => p.getAttribute("aria-checked") === "true") ? chosen : undefined;
        }

        start();
        """#
}
