import WerkvormRendering

/// The projector's page: the step's title and instructions, the join code and QR code, and,
/// once the facilitator reveals them, the outcome drawn with the exercise's own report blocks.
/// It shows no participant's id unless the step shows names.
enum ProjectorPage {
    static func html(_ context: PageContext) -> String {
        let say = context.say
        let body = """
            <div class="screen">
            <section class="main" aria-live="polite">
            <p id="phase" class="muted"></p>
            <h1 id="title">\(PageContext.escape(context.title))</h1>
            <div id="outcome"></div>
            <div id="instructions" class="instructions"></div>
            </section>
            <aside class="side">
            <img src="/qr.svg" alt="\(say("QR-code om mee te doen", "QR code to join"))" width="240" height="240">
            <p>\(say("Code", "Code"))</p>
            <p id="code" class="code">\(PageContext.escape(context.joinCode))</p>
            <p id="address" class="muted"></p>
            <p><span id="count">0</span> \(say("doen mee", "taking part"))</p>
            <p id="state" class="muted" role="status"></p>
            </aside>
            </div>
            """
        return context.document(title: say("Projector: ", "Projector: ") + context.title, style: style, body: body, script: script)
    }

    static let style = """
        html{font-size:22px;background:#fff}
        .screen{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:24px;min-height:100vh;padding:28px 36px}
        .main h1{font-size:2.1rem;margin:.1em 0 .5em}
        .instructions{white-space:pre-line;font-size:1rem;color:#33333a;max-width:46em}
        .side{text-align:center;border-left:2px solid #e4e2dc;padding-left:20px}
        .side img{width:240px;height:240px}
        .code{font-size:2.4rem;font-weight:800;letter-spacing:.12em;margin:0}
        #outcome svg{max-width:100%;height:auto}
        """ + ReportRenderer.css

    static let script = #"""
        const $ = id => document.getElementById(id);
        function show(view) {
          const step = view.step;
          $("title").textContent = step ? step.title : view.session;
          $("phase").textContent = step && step.phase ? step.phase.title : "";
          $("count").textContent = view.participants;
          $("code").textContent = view.code;
          $("address").textContent = view.join.replace(/^http:\/\//, "").replace(/\/\?code=.*$/, "");
          if (view.html !== undefined) {
            $("outcome").innerHTML = view.html;  // rendered by the server from the exercise's report blocks, escaped there
            $("instructions").textContent = "";
          } else {
            $("outcome").textContent = view.problem || "";
            $("instructions").textContent = view.instructions || "";
          }
        }
        stream("/api/projector/stream", show, (online, ended) => {
          $("state").textContent = ended ? T("De sessie is afgelopen", "The session has ended") : online ? "" : T("Geen verbinding met de laptop", "No connection to the laptop");
        });
        """#
}
