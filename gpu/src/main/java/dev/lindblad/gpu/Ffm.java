package dev.lindblad.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small FFM helpers shared by the CUDA, cuBLAS and cuSPARSE bindings. */
final class Ffm {

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE;
    static final java.lang.foreign.AddressLayout ADDRESS = ValueLayout.ADDRESS;

    private Ffm() {
    }

    /** @return the first file of {@code names} in the first directory of {@code dirs} holding one, or null */
    static Path find(List<Path> dirs, String... names) {
        for (Path d : dirs) {
            for (String n : names) {
                Path p = d.resolve(n);
                if (Files.isRegularFile(p)) {
                    return p.toAbsolutePath();
                }
            }
        }
        return null;
    }

    /** Loads a library by absolute path for the rest of the JVM's life. */
    static SymbolLookup load(Path library) {
        return SymbolLookup.libraryLookup(library, Arena.global());
    }

    /** @return a downcall handle to {@code name} in {@code lookup}, failing with the symbol's name */
    static MethodHandle handle(SymbolLookup lookup, String name, FunctionDescriptor fd) {
        return Linker.nativeLinker().downcallHandle(lookup.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("symbol " + name + " not found")), fd);
    }

    /** @return {@code t} as an unchecked exception */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
