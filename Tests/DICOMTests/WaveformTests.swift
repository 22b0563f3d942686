import DICOM
import Foundation
import Testing

/// DICOM waveform decoding against pydicom's `waveform_array` on the 12-lead ECG of pydicom's test files.
@Suite struct WaveformTests {
    struct Reference: Decodable {
        struct Channel: Decodable {
            let min: Double
            let max: Double
            let mean: Double
            let first: [Double]
            let samples: Int
        }
        struct Group: Decodable {
            let samplingFrequency: Double
            let channels: [Channel]
        }
        let groups: [Group]
    }

    @Test func matchesPydicom() throws {
        let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("pydicom-waveform.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        let waveform = try DicomFile(path: TestPaths.pydicomFile("waveform_ecg.dcm")).waveforms()
        #expect(waveform.groups.count == reference.groups.count)
        for (group, expected) in zip(waveform.groups, reference.groups) {
            #expect(group.samplingFrequency == expected.samplingFrequency)
            #expect(group.channels.count == expected.channels.count)
            for (channel, values) in zip(group.channels, expected.channels) {
                #expect(channel.samples.count == values.samples)
                for (ours, theirs) in zip(channel.samples, values.first) {
                    #expect(abs(Double(ours) - theirs) <= 1e-3 * max(1, abs(theirs)))
                }
                let mean = channel.samples.reduce(0.0) { $0 + Double($1) } / Double(channel.samples.count)
                #expect(abs(mean - values.mean) <= 1e-3 * max(1, abs(values.mean)))
            }
        }
        let first = try #require(waveform.groups.first)
        #expect(first.channels.map(\.label).contains { $0.contains("II") })
        #expect(first.channels.first?.unit == "uV")
    }

    @Test func deviceMeasurementsAreAnnotations() throws {
        let waveform = try DicomFile(path: TestPaths.pydicomFile("waveform_ecg.dcm")).waveforms()
        let qt = waveform.annotations.first { $0.name == "QT Interval" }
        #expect(qt?.value == 368 && qt?.unit == "ms")
        #expect(waveform.annotations.contains { $0.text == "RITMO SINUSALE" })
    }

    @Test func imagesHaveNoWaveforms() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        #expect(!file.hasWaveforms)
        #expect(throws: DicomError.self) { try file.waveforms() }
    }
}
