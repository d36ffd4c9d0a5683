import Werkvorm

extension ReportRenderer {
    /// A small print-friendly stylesheet for the HTML fragment: system fonts, no external resources.
    public static let css = """
        .wv-document { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
        .wv-document h1 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1.7rem; line-height: 1.25; color: #111; margin: 0 0 1rem; }
        .wv-report { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
        .wv-report h2 { font-size: 1.3rem; line-height: 1.3; margin: 1.8rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid #c8ced6; }
        .wv-report h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
        .wv-report p { margin: 0.6rem 0; }
        .wv-report ul { margin: 0.5rem 0; padding-left: 1.4rem; }
        .wv-report li { margin: 0.15rem 0; }
        .wv-table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.95rem; }
        .wv-table th, .wv-table td { border: 1px solid #b7bec8; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        .wv-table th { background: #eef2f7; font-weight: 600; }
        .wv-table .wv-num { text-align: right; font-variant-numeric: tabular-nums; }
        .wv-table .wv-word { white-space: nowrap; }
        .wv-figure { margin: 1rem 0 1.4rem; }
        .wv-figure figcaption { font-weight: 600; margin-bottom: 0.4rem; }
        .wv-svg { display: block; max-width: 100%; height: auto; }
        .wv-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: 1rem 0; }
        .wv-column { border: 1px solid #c8ced6; border-radius: 6px; padding: 0.6rem 0.9rem; }
        .wv-none { color: #555; font-style: italic; }
        .wv-cloud-words { list-style: none; margin: 0; padding: 0.8rem 0.5rem; border: 1px solid #c8ced6; border-radius: 6px;
          display: flex; flex-wrap: wrap; justify-content: center; align-items: baseline; gap: 0.2rem 0.9rem; }
        .wv-report .wv-cloud-words li { margin: 0; line-height: 1.25; color: #333; }
        .wv-report .wv-cloud-words li.wv-strong { color: #1d4f91; font-weight: 600; }
        .wv-count { font-size: 0.75rem; font-weight: 400; color: #555; }
        @media (max-width: 36rem) { .wv-columns { grid-template-columns: 1fr; } }
        @media print {
          @page { size: A4; margin: 1.5cm; }
          .wv-document { max-width: none; margin: 0; padding: 0; }
          .wv-report { font-size: 11pt; color: #000; }
          .wv-report * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .wv-report h2, .wv-report h3, .wv-figure figcaption { break-after: avoid; }
          .wv-svg, .wv-column, .wv-table tr, .wv-cloud-words { break-inside: avoid; }
          .wv-map { break-inside: avoid; }
          .wv-columns { grid-template-columns: 1fr 1fr; }
        }

        """
}
