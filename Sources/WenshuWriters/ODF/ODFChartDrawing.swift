import Foundation
import WenshuDocument

/// A table's chart drawn as an SVG picture, for the flat `.fodt`: LibreOffice 7.4 sets up a flat file's
/// embedded chart object only after the document has loaded, so `soffice --convert-to pdf` printed an empty
/// frame whatever the chart held (docs/development.md). A picture prints as it is. The `.odt` keeps its
/// chart object (``ODFChart``), which prints and which LibreOffice's chart editor opens.
///
/// The drawing shows what the chart object shows, from the same figures (``ODFChartData``): the title,
/// one bar per series and category in the series' colours, the categories in the table's order (down the
/// side for bars, along the bottom for columns), the value axis from 0 with its grid lines and numbers, the
/// axis titles (the upright one in stacked characters) and a legend when there are several series. Each
/// bar carries its figure (a zero, which has no bar, none), since a printed chart is read without a cursor. Sizes are millimetres
/// (`viewBox` in mm), fonts the document's own names, which the shipped fontconfig file maps.
struct ODFChartDrawing {
    let chart: TableChart
    let data: ODFChartData
    let width: Double
    let height: Double

    private static let labelSize = 10.5 * 25.4 / 72
    private static let titleSize = 12 * 25.4 / 72

    /// `draw:image` holding the SVG, for the chart's frame in the flat document.
    var image: [UInt8] {
        var m = Markup(capacity: 8192)
        m.start("draw:image", ["draw:mime-type": "image/svg+xml"])
        m.start("office:binary-data")
        m.raw(Array(Data(svg.utf8).base64EncodedString().utf8))
        m.end("office:binary-data")
        m.end("draw:image")
        return m.bytes
    }

    /// The display width of `text` in millimetres at `size`: full-width characters one em, others half.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x1100 ? 0.55 : 1) } * size
    }

    /// Round steps for the value axis: the step (1, 2 or 5 × 10ⁿ, whole numbers for counts) and the top.
    static func scale(maximum: Double, wholeNumbers: Bool) -> (step: Double, top: Double) {
        guard maximum > 0 else { return (1, 1) }
        let rough = maximum / 5
        let power = pow(10, (log10(rough)).rounded(.down))
        var step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        if wholeNumbers { step = max(step.rounded(.up), 1) }
        return (step, (maximum / step).rounded(.up) * step)
    }

    /// A figure as the axis and the bars print it: whole numbers without a decimal point.
    static func figure(_ value: Double) -> String {
        ODFChartData.odfNumber(value)
    }

    var svg: String {
        let label = Self.labelSize, body = ODFStyleSheet.body
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(mm(width))" height="\#(mm(height))" viewBox="0 0 \#(Self.number(width)) \#(Self.number(height))">"#
        func text(_ string: String, x: Double, y: Double, anchor: String = "start", size: Double = label, font: String = body) {
            out += #"<text x="\#(Self.number(x))" y="\#(Self.number(y))" font-family="\#(font)" font-size="\#(Self.number(size))" text-anchor="\#(anchor)">\#(Markup.escaped(string))</text>"#
        }
        func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
            out += #"<rect x="\#(Self.number(x))" y="\#(Self.number(y))" width="\#(Self.number(width))" height="\#(Self.number(height))" fill="\#(fill)"/>"#
        }
        func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String = "#000000") {
            out += #"<line x1="\#(Self.number(x1))" y1="\#(Self.number(y1))" x2="\#(Self.number(x2))" y2="\#(Self.number(y2))" stroke="\#(colour)" stroke-width="0.25"/>"#
        }
        /// Characters one under the other, as an upright title is written.
        func stacked(_ string: String, x: Double, centreY: Double) {
            let characters = Array(string)
            let top = centreY - Double(characters.count) * label / 2
            for (index, character) in characters.enumerated() {
                text(String(character), x: x, y: top + Double(index + 1) * label - 0.6, anchor: "middle")
            }
        }

        text(chart.title, x: width / 2, y: Self.titleSize + 1, anchor: "middle", size: Self.titleSize, font: ODFStyleSheet.heading1)
        let values = data.series.flatMap(\.values).compactMap { $0 }
        let whole = values.allSatisfy { $0 == $0.rounded() }
        let (step, top) = Self.scale(maximum: max(values.map(abs).max() ?? 0, 0), wholeNumbers: whole)
        let bottom = min(((values.min() ?? 0) / step).rounded(.down) * step, 0)
        let span = top - bottom
        let categoryTitle = chart.categoryAxisTitle ?? data.categoryHeader ?? ""
        let valueTitle = chart.valueAxisTitle ?? ""
        let legendHeight = data.series.count > 1 ? label + 4 : 0
        let ticks = Int((span / step).rounded())

        // The plot area: room for the title above, the axis numbers, titles and legend around it.
        let plotTop = Self.titleSize + 6
        let plotBottom = height - legendHeight - (valueTitle.isEmpty && chart.kind == .bar ? 0 : label + 2) - label - 3
        let longest = data.categories.map { Self.textWidth($0, size: label) }.max() ?? 0
        let bars = chart.kind == .bar
        let plotLeft = bars ? (categoryTitle.isEmpty ? 2 : label + 3) + min(longest, width * 0.3) + 2
                            : (valueTitle.isEmpty ? 2 : label + 3) + Self.textWidth(Self.figure(top), size: label) + 2
        let plotRight = width - 8
        let plotHeight = plotBottom - plotTop, plotWidth = plotRight - plotLeft
        let count = max(data.categories.count, 1)

        // Value axis: grid lines with their numbers.
        for index in 0...max(ticks, 1) {
            let value = bottom + Double(index) * step
            let share = (value - bottom) / span
            if bars {
                let x = plotLeft + share * plotWidth
                line(x, plotTop, x, plotBottom, colour: "#c0c0c0")
                text(Self.figure(value), x: x, y: plotBottom + label + 1, anchor: "middle")
            } else {
                let y = plotBottom - share * plotHeight
                line(plotLeft, y, plotRight, y, colour: "#c0c0c0")
                text(Self.figure(value), x: plotLeft - 1.5, y: y + label / 3, anchor: "end")
            }
        }
        let zero = (0 - bottom) / span
        // The bars of each category, the series side by side in a band of 70 % of its slot.
        for (index, category) in data.categories.enumerated() {
            let slot = (bars ? plotHeight : plotWidth) / Double(count)
            let band = slot * 0.7, thickness = band / Double(max(data.series.count, 1))
            let start = Double(index) * slot + (slot - band) / 2
            if bars {
                text(category, x: plotLeft - 1.5, y: plotTop + Double(index) * slot + slot / 2 + label / 3, anchor: "end")
            } else {
                text(category, x: plotLeft + Double(index) * slot + slot / 2, y: plotBottom + label + 1, anchor: "middle")
            }
            for (number, series) in data.series.enumerated() {
                guard let value = series.values[index] else { continue }
                // A figure beside each bar but a zero, which has no bar to stand by.
                let figureSize = min(label, max(thickness + 0.5, 2.5))
                let colour = ODFChart.seriesColours[number % ODFChart.seriesColours.count]
                let from = zero, to = (value - bottom) / span
                let offset = start + Double(number) * thickness
                if bars {
                    let x = plotLeft + min(from, to) * plotWidth
                    rect(x: x, y: plotTop + offset, width: abs(to - from) * plotWidth, height: thickness, fill: colour)
                    if value != 0 {
                        text(Self.figure(value), x: plotLeft + max(from, to) * plotWidth + 1,
                             y: plotTop + offset + thickness / 2 + figureSize / 3, size: figureSize)
                    }
                } else {
                    let y = plotBottom - max(from, to) * plotHeight
                    rect(x: plotLeft + offset, y: y, width: thickness, height: abs(to - from) * plotHeight, fill: colour)
                    if value != 0 {
                        text(Self.figure(value), x: plotLeft + offset + thickness / 2, y: y - 1, anchor: "middle", size: figureSize)
                    }
                }
            }
        }
        // The axes' lines and titles.
        line(plotLeft, plotTop, plotLeft, plotBottom)
        line(plotLeft, plotBottom, plotRight, plotBottom)
        let axisTitleY = plotBottom + 2 * label + 3
        if bars {
            if !categoryTitle.isEmpty { stacked(categoryTitle, x: label / 2 + 1, centreY: (plotTop + plotBottom) / 2) }
            if !valueTitle.isEmpty { text(valueTitle, x: (plotLeft + plotRight) / 2, y: axisTitleY, anchor: "middle") }
        } else {
            if !valueTitle.isEmpty { stacked(valueTitle, x: label / 2 + 1, centreY: (plotTop + plotBottom) / 2) }
            if !categoryTitle.isEmpty { text(categoryTitle, x: (plotLeft + plotRight) / 2, y: axisTitleY, anchor: "middle") }
        }
        // The legend, centred under everything.
        if data.series.count > 1 {
            let entries = data.series.map { $0.name ?? "" }
            let widths = entries.map { label + 1.5 + Self.textWidth($0, size: label) }
            var x = (width - widths.reduce(0, +) - Double(entries.count - 1) * 5) / 2
            let y = height - legendHeight + 2
            for (number, entry) in entries.enumerated() {
                rect(x: x, y: y, width: label * 0.8, height: label * 0.8, fill: ODFChart.seriesColours[number % ODFChart.seriesColours.count])
                text(entry, x: x + label + 0.5, y: y + label * 0.8)
                x += widths[number] + 5
            }
        }
        return out + "</svg>"
    }

    /// A coordinate with at most two decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        if fraction == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
    }
}
