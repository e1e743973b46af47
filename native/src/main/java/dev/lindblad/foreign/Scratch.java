package dev.lindblad.foreign;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The native memory of one dense LAPACK call: small pieces from a confined arena, large ones
 * (at least {@value #LARGE} bytes: the matrix copies and work arrays) carved, not zero-filled,
 * from one block kept between calls. Fresh large memory costs a page fault per 4 KiB page on
 * first touch (the C library maps each block of 32 MiB or more anew and unmaps it on free); on
 * the shared virtual machine of docs/performance.md that was about 0.3 s for each 64 MiB, more
 * than the rest of the copies together, paid on every call. The block is kept while it is at most
 * {@code lindblad.native.scratchMiB} MiB (system property; default {@value #DEFAULT_RETAIN_MIB},
 * 0 keeps nothing), and is sized by the calls that used it: a call that did not fit takes fresh
 * memory and leaves a block big enough for the next one (allocated, not touched: the next call
 * faults its pages in, the ones after find them resident). Only one call at a time holds the
 * block; a concurrent call takes fresh memory.
 */
final class Scratch implements SegmentAllocator, AutoCloseable {

    /** Requests of at least this many bytes come from the kept block. */
    static final long LARGE = 1L << 20;
    static final long DEFAULT_RETAIN_MIB = 256;
    private static final long ALIGN = 64;
    private static final AtomicReference<Block> KEPT = new AtomicReference<>();

    private static final MethodHandle MALLOC, FREE;

    static {
        Linker linker = Native.LINKER;
        SymbolLookup libc = linker.defaultLookup();
        MALLOC = linker.downcallHandle(libc.find("malloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        FREE = linker.downcallHandle(libc.find("free").orElseThrow(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    }

    /**
     * A kept block, from {@code malloc} ({@code raw}, freed when the block is dropped) and its
     * aligned {@code memory}: neither zero-filled nor touched when made, so the call that makes
     * it pays nothing for it; the first call that uses its pages faults them in, and they stay.
     */
    record Block(MemorySegment raw, MemorySegment memory) {

        /** @return a block of {@code bytes} bytes aligned to {@value #ALIGN}, or null when malloc fails */
        static Block allocate(long bytes) {
            try {
                MemorySegment raw = (MemorySegment) MALLOC.invokeExact(bytes + ALIGN);
                if (raw.address() == 0) {
                    return null;
                }
                long skip = (ALIGN - raw.address() % ALIGN) % ALIGN;
                return new Block(raw, raw.reinterpret(bytes + ALIGN).asSlice(skip, bytes));
            } catch (Throwable t) {
                throw Native.rethrow(t);
            }
        }

        void free() {
            try {
                FREE.invokeExact(raw);
            } catch (Throwable t) {
                throw Native.rethrow(t);
            }
        }
    }

    private final Arena arena = Arena.ofConfined();
    private final long retain = retainBytes();
    private Block block;
    private long used, wanted;

    private Scratch() {
        block = retain > 0 ? KEPT.getAndSet(null) : null;   // 0: the kept block is left alone
    }

    /** @return the memory of one call; close it when the call has returned */
    static Scratch open() {
        return new Scratch();
    }

    static long retainBytes() {
        long mib = Long.getLong("lindblad.native.scratchMiB", DEFAULT_RETAIN_MIB);
        return Math.max(0, mib) << 20;
    }

    /** @return the size of the kept block in bytes, 0 when none (for tests and {@code lindblad info}) */
    static long keptBytes() {
        Block b = KEPT.get();
        return b == null ? 0 : b.memory().byteSize();
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (byteSize < LARGE || byteAlignment > ALIGN) {
            return arena.allocate(byteSize, byteAlignment);
        }
        long size = (byteSize + ALIGN - 1) / ALIGN * ALIGN;
        wanted += size;
        if (block != null && used + size <= block.memory().byteSize()) {
            MemorySegment s = block.memory().asSlice(used, byteSize, ALIGN);
            used += size;
            return s;
        }
        return arena.allocate(byteSize, ALIGN);
    }

    @Override
    public void close() {
        arena.close();
        if (retain == 0) {
            return;
        }
        Block keep = block;
        block = null;
        if ((keep == null || keep.memory().byteSize() < wanted) && wanted <= retain) {
            if (keep != null) {
                keep.free();
            }
            keep = Block.allocate(wanted);
        }
        if (keep != null && (keep.memory().byteSize() > retain || !KEPT.compareAndSet(null, keep))) {
            keep.free();
        }
    }
}
