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
            <img id="qr" src="/qr.svg" alt="\(say("QR-code om mee te doen", "QR code to join"))" width="240" height="240">
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
        #outcome{transform-origin:top left}
        .screen{overflow:hidden;height:100vh}
        .main{position:relative;overflow:hidden}
        .revealed .main h1{font-size:1.5rem;margin-bottom:.3em}
        .more::after{content:"";position:absolute;left:0;right:0;bottom:0;height:70px;background:linear-gradient(rgba(255,255,255,0),#fff)}
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
          const qr = $("qr");
          if (qr.dataset.join !== view.join) { qr.dataset.join = view.join; qr.src = "/qr.svg?for=" + encodeURIComponent(view.join); }  // a new network, a new code
          document.body.classList.toggle("revealed", view.html !== undefined);
          if (view.html !== undefined) {
            $("outcome").innerHTML = view.html;  // rendered by the server from the exercise's report blocks, escaped there
            const first = $("outcome").querySelector("h2, h3");
            if (first && first.textContent.trim() === $("title").textContent.trim()) first.remove();  // the title says it already
            $("instructions").textContent = "";
            fit();
          } else {
            $("outcome").style.transform = "";
            $("outcome").style.width = "";
            document.querySelector(".main").classList.remove("more");
            $("outcome").textContent = view.problem || "";
            $("instructions").textContent = view.instructions || "";
          }
        }
        // The outcome on the screen, never scrolled: shrunk to the height that is left, but not
        // below what the back of the room can read; what still does not fit fades out (the
        // reports put what matters most first).
        function fit() {
          const outcome = $("outcome");
          outcome.style.transform = "";
          outcome.style.width = "";
          const room = window.innerHeight - outcome.getBoundingClientRect().top - 24;
          const scale = Math.max(0.6, Math.min(1, room / outcome.scrollHeight));
          if (scale < 1) {
            outcome.style.transform = "scale(" + scale + ")";
            outcome.style.width = (100 / scale) + "%";
          }
          document.querySelector(".main").classList.toggle("more", outcome.scrollHeight * scale > room + 1);
        }
        window.addEventListener("resize", fit);
        stream("/api/projector/stream", show, (online, ended) => {
          $("state").textContent = ended ? T("De sessie is afgelopen", "The session has ended") : online ? "" : T("Geen verbinding met de laptop", "No connection to the laptop");
        });
        """#
}
