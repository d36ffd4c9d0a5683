import Foundation
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

/// Writes the sample report to files for looking at, when `WERKVORM_REPORT_SAMPLE` names a
/// directory; otherwise does nothing.
@Suite struct ReportRenderSampleTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WERKVORM_REPORT_SAMPLE"] != nil))
    func writesSampleReport() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WERKVORM_REPORT_SAMPLE"] ?? "/tmp")
        for language in Language.allCases {
            let renderer = ReportRenderer(language: language)
            let name = language == .nl ? "report-sample" : "report-sample-en"
            try renderer.htmlDocument(title: language == .nl ? "Verslag: groepsafspraken" : "Report: group agreements", blocks: ReportSamples.report)
                .write(to: directory.appendingPathComponent(name + ".html"), atomically: true, encoding: .utf8)
            try renderer.text(ReportSamples.report).write(to: directory.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
            try renderer.markdown(ReportSamples.report).write(to: directory.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
            let awkward = language == .nl ? "report-awkward" : "report-awkward-en"
            try renderer.htmlDocument(title: "Lastige <blokken>", blocks: ReportSamples.awkward)
                .write(to: directory.appendingPathComponent(awkward + ".html"), atomically: true, encoding: .utf8)
            try renderer.text(ReportSamples.awkward).write(to: directory.appendingPathComponent(awkward + ".txt"), atomically: true, encoding: .utf8)
            try renderer.markdown(ReportSamples.awkward).write(to: directory.appendingPathComponent(awkward + ".md"), atomically: true, encoding: .utf8)
        }
    }
}
