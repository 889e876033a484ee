#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator, tuned for a run that reads a whole kit, renders it and exits (`build`,
/// `check`). By default it hands the top of each heap back to the system as soon as it is
/// free and maps every large block afresh, so a build that frees and allocates page after page
/// pays system calls and page faults for memory it is about to use again (a tenth of a
/// 10,000-page check was kernel time). Tuned, freed memory stays for reuse; the peak is the same.
/// `serve` keeps the defaults, so a long-running preview gives memory back between edits.
enum AllocatorTuning {
    static func forBatchRun() {
        #if canImport(Glibc)
        // `mallopt` is in glibc but not in the Glibc module (it is declared in <malloc.h>).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // M_TRIM_THRESHOLD, M_TOP_PAD and M_MMAP_THRESHOLD, from <malloc.h>.
        _ = mallopt(-1, 256 << 20)
        _ = mallopt(-2, 64 << 20)
        _ = mallopt(-3, 32 << 20)
        #endif
    }
}
