import Foundation
import Rendering
import Testing

@Suite struct ImageSizeTests {
    @Test func png() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += [0, 0, 0x05, 0x00, 0, 0, 0x02, 0xD0, 8, 2, 0, 0, 0]
        #expect(ImageSize(header: Data(bytes)) == ImageSize(width: 1280, height: 720))
        #expect(ImageSize(header: Data(bytes.prefix(20))) == nil, "a cut header is no size")
    }

    @Test func gif() {
        let bytes = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00, 0, 0, 0]
        #expect(ImageSize(header: Data(bytes)) == ImageSize(width: 320, height: 240))
    }

    @Test func jpegSkipsSegmentsUntilTheFrameHeader() {
        // SOI, an APP0 segment of 16 bytes, a DHT (not a frame), then SOF2 (progressive).
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00]
        bytes += [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03]
        #expect(ImageSize(header: Data(bytes)) == ImageSize(width: 640, height: 480))
        #expect(ImageSize(header: Data([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02])) == nil, "scan data before any frame header")
    }

    @Test func svgSizeFromAttributesOrViewBox() {
        #expect(ImageSize(header: Data(#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height='80'></svg>"#.utf8))
                == ImageSize(width: 120, height: 80))
        #expect(ImageSize(header: Data(#"<svg viewBox="0 0 400 300" xmlns="http://www.w3.org/2000/svg"/>"#.utf8)) == ImageSize(width: 400, height: 300))
        #expect(ImageSize(header: Data(#"<svg width="100%" height="100%"/>"#.utf8)) == nil, "relative sizes say nothing")
    }

    @Test func otherFilesHaveNoSize() {
        #expect(ImageSize(header: Data("hello".utf8)) == nil)
        #expect(ImageSize(header: Data()) == nil)
    }
}
