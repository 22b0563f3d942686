import Foundation
import Signals
import Testing

/// Agreement with what a real ECG cart measured: pydicom's 12-lead DICOM ECG stores the cart's
/// RR, QRS, QT, QTc and axis; our analysis of the same waveform must agree within clinical
/// tolerances (docs/validation.md lists both sets of values).
@Suite struct CartAgreementTests {
    static let path = SignalTestPaths.repository
        .appendingPathComponent(".cache/pypi/pydicom-3.0.2/pydicom/data/test_files/waveform_ecg.dcm").path

    @Test func measurementsAgreeWithTheCart() throws {
        let recording = try SignalSource.read(path: Self.path)
        #expect(recording.format == "dicom-waveform")
        #expect(recording.channels.count == 12)
        let cart = Dictionary(
            recording.annotations.compactMap { annotation -> (String, Double)? in
                guard let value = Double(annotation.text.split(separator: " ").first ?? "") else { return nil }
                return (annotation.code, value)
            }, uniquingKeysWith: { first, _ in first })
        let analysis = try ECGAnalyzer.analyze(recording)
        print(
            "CART rr \(cart["RR Interval"] ?? -1) vs \(analysis.rrMeanMs); qrs \(cart["QRS Duration"] ?? -1) vs "
                + "\(analysis.qrsDurationMs); qt \(cart["QT Interval"] ?? -1) vs \(analysis.qtMs); qtc "
                + "\(cart["QTc Interval"] ?? -1) vs \(analysis.qtcBazettMs); axis \(cart["QRS Axis"] ?? -1) vs "
                + "\(analysis.frontalAxisDegrees ?? .nan)")
        #expect(abs(analysis.rrMeanMs - (cart["RR Interval"] ?? 0)) <= 20)
        #expect(abs(analysis.qrsDurationMs - (cart["QRS Duration"] ?? 0)) <= 12)
        #expect(abs(analysis.qtMs - (cart["QT Interval"] ?? 0)) <= 20)
        #expect(abs(analysis.qtcBazettMs - (cart["QTc Interval"] ?? 0)) <= 20)
        #expect(abs((analysis.frontalAxisDegrees ?? 999) - (cart["QRS Axis"] ?? 0)) <= 15)
        #expect(analysis.rhythm == "sinus")
    }
}
