import LuaHost
import Werkvorm
import WerkvormRendering

/// What the three pages are made with: the session's language, title and join code. Each page
/// is one self-contained document (styles and script inline, nothing from elsewhere), served by
/// the binary; what changes arrives over its event stream.
struct PageContext: Sendable {
    var language: Language
    var title: String
    var joinCode: String
    var asksNames: Bool

    /// One of two texts, by the page's language.
    func say(_ nl: String, _ en: String) -> String {
        language == .nl ? nl : en
    }

    /// The settings a page's script starts from, as a JSON object.
    var settings: String {
        // `<` escaped, so that a title cannot close the script it stands in
        JSONWriter.string(
            .object([
                "lang": .string(language.rawValue), "title": .string(title), "code": .string(joinCode), "askNames": .bool(asksNames),
            ])
        ).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// A whole page: the shared style, `style`, `body` and `script`.
    func document(title pageTitle: String, style: String = "", body: String, script: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(pageTitle))</title>
        <style>\(Self.sharedStyle)\(style)</style>
        </head>
        <body>
        \(body)
        <script>
        "use strict";
        const SETTINGS = \(settings);
        \(Self.sharedScript)
        \(script)
        </script>
        </body>
        </html>

        """
    }

    /// A page with one message: a spent link, a page for someone else.
    static func message(language: Language, title: String, text: String) -> String {
        PageContext(language: language, title: title, joinCode: "", asksNames: false)
            .document(title: title, body: "<main class=\"narrow\"><h1>\(escape(title))</h1><p>\(escape(text))</p></main>")
    }

    /// `text` escaped for HTML, as reports escape it.
    static func escape(_ text: String) -> String {
        ReportRenderer.html(text)
    }

    /// The style all three pages share: system fonts, large tap targets, visible focus.
    static let sharedStyle = """
        *{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:17px;line-height:1.45;color:#1b1b1f;background:#f6f5f2}
        body{margin:0;overflow-anchor:none}
        main{padding:12px 14px 40px;max-width:760px;margin:0 auto}
        .narrow{max-width:480px}
        h1{font-size:1.35rem;margin:.4em 0}
        h2{font-size:1.12rem;margin:1.1em 0 .4em}
        button,input,textarea,select{font:inherit;color:inherit}
        button{min-height:44px;min-width:44px;padding:8px 16px;border-radius:10px;border:2px solid #24518f;background:#24518f;color:#fff;cursor:pointer}
        button.secondary{background:#fff;color:#24518f}
        button.danger{background:#a4262c;border-color:#a4262c}
        button:disabled{opacity:.5;cursor:default}
        button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,a:focus-visible,[tabindex]:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
        input[type=text],input[type=number],textarea,select{width:100%;min-height:44px;padding:8px 10px;border:2px solid #8a8a94;border-radius:8px;background:#fff}
        textarea{min-height:96px}
        label{display:block;font-weight:600;margin:.6em 0 .25em}
        .choice label{font-weight:400;display:flex;gap:10px;align-items:center;min-height:44px;margin:0;padding:4px 0}
        .choice input{width:24px;height:24px;flex-shrink:0}
        .card{background:#fff;border-radius:12px;padding:12px 14px;margin:12px 0;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .status{display:flex;align-items:center;gap:8px;font-size:.9rem}
        .dot{width:12px;height:12px;border-radius:50%;background:#a4262c;flex:none}
        .online .dot{background:#217a3c}
        .muted{color:#5b5b66}
        .ok{color:#1f6b35}.bad{color:#a4262c}.wait{color:#7a5a00}
        .plain{list-style:none;padding:0;margin:0}
        .plain li{padding:6px 0;border-bottom:1px solid #e4e2dc}
        .row{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        """

    /// The script all three pages share: texts by language, random ids, posting JSON,
    /// building elements, and keeping a form in place.
    static let sharedScript = #"""
        const T = (nl, en) => SETTINGS.lang === "nl" ? nl : en;
        // Runs `update` and, if the element `id` was in sight, keeps it where it was on the
        // screen: what grows above a form (others' post-its, inputs to moderate) must not move
        // it from under a finger or the mouse. The browser's own scroll anchoring is off (in the
        // style), so that the two do not fight.
        function steady(id, update) {
          const before = document.getElementById(id).getBoundingClientRect();
          const inSight = before.height > 0 && before.top < window.innerHeight && before.bottom > 0;
          update();
          if (!inSight) return;
          const moved = document.getElementById(id).getBoundingClientRect().top - before.top;
          if (moved) window.scrollBy(0, moved);
        }
        function newId() {
          const bytes = new Uint8Array(16);
          crypto.getRandomValues(bytes);  // crypto.randomUUID is missing on a plain-http address
          return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
        }
        function post(url, body) {
          return fetch(url, { method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-Werkvorm": "1" }, body: JSON.stringify(body) });
        }
        function el(tag, attrs, ...children) {
          const node = document.createElement(tag);
          for (const [key, value] of Object.entries(attrs || {})) {
            if (value === undefined || value === null || value === false) continue;
            if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
            else if (key === "text") node.textContent = value;
            else node.setAttribute(key, value === true ? "" : value);
          }
          for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
          return node;
        }
        // An event stream that goes on: the browser reconnects after a lost connection by
        // itself, but not after an HTTP error (a server busy restarting); then it is opened
        // again after a pause. `onClosed` may decide otherwise (a phone whose token is gone).
        function stream(url, onView, onState, onClosed) {
          let ended = false, tries = 0;
          const open = () => {
            const source = new EventSource(url);
            source.onopen = () => { tries = 0; onState(true); };
            source.onerror = () => {
              onState(false);
              if (source.readyState !== EventSource.CLOSED || ended) return;
              tries += 1;
              setTimeout(async () => { if (!onClosed || await onClosed()) open(); }, Math.min(15000, 1000 * tries));
            };
            source.onmessage = e => onView(JSON.parse(e.data), Number(e.lastEventId));
            source.addEventListener("end", () => { ended = true; source.close(); onState(false, true); });
          };
          open();
        }
        // Submissions wait in localStorage until the server answers; a lost connection or a
        // restart of the server loses none, and a retry is recognised by its id.
        class Outbox {
          constructor(key, onAnswer) { this.key = key; this.onAnswer = onAnswer; this.busy = false; this.again = false; this.timer = null; }
          get items() { try { return JSON.parse(localStorage.getItem(this.key) || "[]"); } catch (e) { return []; } }
          set items(list) { localStorage.setItem(this.key, JSON.stringify(list)); }
          add(url, body, label) {
            const item = { id: body.id, url, body, label, tries: 0 };
            this.items = this.items.concat([item]);
            this.flush();
            return item;
          }
          remove(id) { this.items = this.items.filter(i => i.id !== id); }
          schedule(tries) {
            clearTimeout(this.timer);
            const wait = Math.min(30000, 400 * 2 ** Math.min(tries, 7)) * (0.5 + Math.random());
            this.timer = setTimeout(() => this.flush(), wait);
          }
          async flush() {
            // one added while a flush runs is not in the list that flush goes through: it goes
            // round again then, or the item would wait until the next tap
            if (this.busy) { this.again = true; return; }
            this.busy = true;
            try {
              do {
                this.again = false;
                for (const item of this.items) {
                  let response;
                  try { response = await post(item.url, item.body); } catch (e) { response = null; }
                  if (response && (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429 && response.status !== 401))) {
                    let answer = {};
                    try { answer = await response.json(); } catch (e) {}
                    this.remove(item.id);
                    this.onAnswer(item, response.status, answer);
                  } else {
                    const list = this.items;
                    const found = list.find(i => i.id === item.id);
                    if (found) { found.tries += 1; this.items = list; }
                    this.onAnswer(item, response ? response.status : 0, null);
                    this.schedule(found ? found.tries : 1);
                    return;
                  }
                }
              } while (this.again);
            } finally { this.busy = false; }
          }
        }
        function renderValue(value) {
          if (value === null || value === undefined) return "";
          if (typeof value === "object") return Array.isArray(value) ? value.map(renderValue).join(", ") : Object.entries(value).map(([k, v]) => k + ": " + renderValue(v)).join("; ");
          if (value === true) return T("ja", "yes");
          if (value === false) return T("nee", "no");
          return String(value);
        }
        // An exercise's view, shown plainly: its texts and numbers with their names, its lists.
        const VIEW_LABELS = {
          question: ["Vraag", "Question"], issue: ["Kwestie", "Issue"], may_write: ["Je mag nog schrijven", "You may still write"],
          partners: ["Je gesprekspartner(s)", "Your partner(s)"], turn: ["Jouw beurt", "Your turn"],
          position: ["Jouw plek", "Your place"], round: ["Ronde", "Round"], proposals_left: ["Voorstellen over", "Proposals left"],
          still_voting: ["Deelnemers met bolletjes over", "Participants with dots left"], shared: ["Gedeeld", "Shared"], passed: ["Gepast", "Passed"],
          groups: ["Groepen", "Groups"], group: ["Jouw groep", "Your group"], order: ["Volgorde", "Order"], pairs: ["Paren", "Pairs"],
          notes: ["Engagementen", "Engagements"], ranking: ["Rangorde", "Ranking"], chosen: ["Gekozen", "Chosen"],
          questions: ["Vragen", "Questions"], rules: ["Afspraken", "Agreements"], answers: ["Antwoorden", "Answers"],
          statements: ["Uitspraken", "Statements"], space: ["Ruimte", "Space"], statement: ["Stelling", "Statement"],
          case: ["Casus", "Case"], choice: ["Jouw keuze", "Your choice"], members: ["In jouw groepje", "In your group"],
          options: ["Keuzes", "Options"], places: ["Plaatsen", "Places"],
          brainstorm_question: ["Vraag", "Question"], terms: ["Woorden", "Words"], reflection_question: ["Reflectievraag", "Reflection question"],
          prompt: ["Vraag", "Question"], engagement: ["Jullie engagement", "Your engagement"], engagements: ["Engagement per groep", "Engagement per group"],
          guests: ["Nu in gesprek met", "Now talking with"], reason: ["Waarom", "Why"],
          progress: ["Waar we zijn", "Where we are"], game_changer: ["Jouw game changer", "Your game changer"],
        };
        // A text in both languages ({nl, en}) in the page's language; anything else as it is.
        const pick = value => value && typeof value === "object" && !Array.isArray(value) && "nl" in value && "en" in value ? value[SETTINGS.lang] : value;
        function renderView(view, skip) {
          const box = el("div", { class: "view" });
          if (!view || typeof view !== "object") return box;
          for (const [key, given] of Object.entries(view)) {
            if (skip && skip.has(key)) continue;
            const label = VIEW_LABELS[key];
            const value = pick(given);
            if (label && Array.isArray(value) && value.length && typeof value[0] === "object" && value[0] !== null && "text" in value[0]) {
              const number = item => item.id ?? item.number ?? item.rank;
              box.append(el("h2", { text: T(...label) }),
                el("ul", { class: "plain" }, value.map(item => el("li", { text: (number(item) !== undefined ? number(item) + ". " : "") + pick(item.text)
                  + (typeof item.count === "number" ? " — " + item.count : "") }))));
            } else if (label && value !== null && (typeof value !== "object" || (Array.isArray(value) && value.length))) {
              box.append(el("p", {}, el("strong", { text: T(...label) + ": " }), renderValue(value)));
            }
          }
          return box;
        }
        """#
}
