import Werkvorm

extension ReportRenderer {
    /// The blocks as an HTML fragment (no `<html>` or `<body>`), pictures as inline SVG, to be
    /// styled with `css`.
    public func htmlFragment(_ blocks: [ReportBlock]) -> String {
        let sectioned = blocks.contains(where: \.isSection)
        let parts = blocks.map { htmlBlock($0, sectioned: sectioned) }.filter { !$0.isEmpty }
        return "<div class=\"wv-report\" lang=\"\(language.rawValue)\">\n" + parts.map { $0 + "\n" }.joined() + "</div>\n"
    }

    /// A complete, self-contained HTML5 document titled `title` around the fragment, styles inline
    /// and nothing loaded from elsewhere.
    public func htmlDocument(title: String, blocks: [ReportBlock]) -> String {
        let heading = Self.html(title)
        return Self.page(title: title, language: language, css: Self.css, mainClass: "wv-document", body: "<h1>\(heading)</h1>\n" + htmlFragment(blocks))
    }

    /// A self-contained HTML5 page: `body` inside `<main class="mainClass">`, `css` inline,
    /// nothing loaded from elsewhere. Reports and agendas are printed from these.
    public static func page(title: String, language: Language, css: String, mainClass: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(html(title))</title>
        <style>
        \(css)</style>
        </head>
        <body>
        <main class="\(mainClass)">
        \(body)</main>
        </body>
        </html>

        """
    }

    /// One block as HTML; empty when there is nothing to show. In a document with sections,
    /// an exercise's headings stand a level below them.
    func htmlBlock(_ block: ReportBlock, sectioned: Bool = false) -> String {
        switch block {
        case .section(let text):
            let heading = Self.html(pick(text))
            return heading.isEmpty ? "" : "<h2 class=\"wv-section\">\(heading)</h2>"
        case .heading(let text):
            let heading = Self.html(pick(text))
            return heading.isEmpty ? "" : sectioned ? "<h3>\(heading)</h3>" : "<h2>\(heading)</h2>"
        case .paragraph(let text):
            let paragraph = Self.html(pick(text), keepLineBreaks: true)
            return paragraph.isEmpty ? "" : "<p>\(paragraph)</p>"
        case .list(let items):
            return htmlList(items)
        case .table(let columns, let rows):
            return htmlTable(columns: columns, rows: rows)
        case .barChart(let title, let bars):
            let caption = title.map { Self.html(pick($0)) }.flatMap { $0.isEmpty ? nil : "<figcaption>\($0)</figcaption>\n" } ?? ""
            let picture = bars.isEmpty ? "<p>\(Self.html(noData))</p>" : svgBarChart(title: title.map(pick), bars: bars)
            return "<figure class=\"wv-figure wv-bars\">\n\(caption)\(picture)\n</figure>"
        case .twoColumns(let left, let right):
            let columns = [left, right].map { column in
                let items = column.items.isEmpty ? "<p class=\"wv-none\">\(Self.html(say(nl: "(niets)", en: "(none)")))</p>" : htmlList(column.items)
                return "<section class=\"wv-column\">\n<h3>\(Self.html(pick(column.title)))</h3>\n\(items)\n</section>"
            }
            return "<div class=\"wv-columns\">\n" + columns.joined(separator: "\n") + "\n</div>"
        case .positionMap(let left, let right, let points, let arrows):
            return "<figure class=\"wv-figure wv-map\">\n\(svgPositionMap(left: pick(left), right: pick(right), points: points, arrows: arrows))\n</figure>"
        case .wordCloud(let words):
            return htmlWordCloud(words)
        }
    }

    /// Items as a bulleted list; nothing for no items.
    func htmlList(_ items: [BilingualText]) -> String {
        guard !items.isEmpty else { return "" }
        return "<ul>\n" + items.map { "<li>\(Self.html(pick($0)))</li>\n" }.joined() + "</ul>"
    }

    /// A table with a header row; columns of numbers aligned to the right.
    func htmlTable(columns: [BilingualText], rows: [[BilingualText]]) -> String {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return "" }
        let body = rows.map { row in (0..<count).map { $0 < row.count ? pick(row[$0]) : "" } }
        let numeric = (0..<count).map { column in
            body.contains { Self.isNumber($0[column]) } && body.allSatisfy { $0[column].isEmpty || Self.isNumber($0[column]) }
        }
        // a cell of one short word (a number, a clock time 09:00–09:15) is not broken over lines
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            var classes: [String] = numeric[column] ? ["wv-num"] : []
            if !text.isEmpty, text.count <= 16, !text.contains(where: \.isWhitespace) { classes.append("wv-word") }
            let open = classes.isEmpty ? "<\(tag)>" : "<\(tag) class=\"\(classes.joined(separator: " "))\">"
            return open + Self.html(text, keepLineBreaks: true) + "</\(tag)>"
        }
        let header = (0..<count).map { cell("th", $0 < columns.count ? pick(columns[$0]) : "", $0) }.joined()
        let lines = body.map { row in "<tr>" + row.enumerated().map { cell("td", $0.element, $0.offset) }.joined() + "</tr>\n" }
        return "<table class=\"wv-table\">\n<thead><tr>\(header)</tr></thead>\n<tbody>\n" + lines.joined() + "</tbody>\n</table>"
    }

    /// A word cloud as a centred list of words, sized by count, with the most frequent words in the
    /// middle; each word shows its count in small type.
    func htmlWordCloud(_ words: [ReportBlock.Word]) -> String {
        let name = say(nl: "Woordwolk", en: "Word cloud")
        guard !words.isEmpty else { return "<p>\(Self.html(noData))</p>" }
        let sorted = Self.sorted(words)
        let most = sorted.first?.count ?? 0, least = sorted.last?.count ?? 0
        var arranged: [(rank: Int, word: ReportBlock.Word)] = []
        for (rank, word) in sorted.enumerated() {
            if rank % 2 == 0 { arranged.append((rank, word)) } else { arranged.insert((rank, word), at: 0) }
        }
        let items = arranged.map { rank, word -> String in
            let share = most > least ? Double(word.count - least) / Double(most - least) : 0.5
            let size = ReportNumber.format(0.95 + 1.65 * share)
            let strong = rank < 3 || share >= 0.6 ? " class=\"wv-strong\"" : ""
            return "<li\(strong) style=\"font-size:\(size)em\">\(Self.html(word.word)) <span class=\"wv-count\">\(word.count)</span></li>\n"
        }
        let summary = name + ": " + sorted.map { "\($0.word) \($0.count)" }.joined(separator: ", ")
        return "<figure class=\"wv-figure wv-cloud\">\n<ul class=\"wv-cloud-words\" aria-label=\"\(Self.html(summary))\">\n" + items.joined() + "</ul>\n</figure>"
    }

    /// `text` escaped for HTML text and attribute values, control characters dropped; with
    /// `keepLineBreaks`, line breaks become `<br>`.
    public static func html(_ text: String, keepLineBreaks: Bool = false) -> String {
        var result = ""
        for character in TextLayout.clean(text, keepLineBreaks: keepLineBreaks) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "<br>\n"
            default: result.append(character)
            }
        }
        return result
    }
}
