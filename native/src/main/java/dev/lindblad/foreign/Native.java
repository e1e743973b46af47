package dev.lindblad.foreign;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finding, loading and binding native libraries with the Foreign Function &amp; Memory API.
 * Libraries are loaded by absolute path into the global arena (they stay for the JVM's life,
 * as a library must once its code may run), never by {@code System.loadLibrary}, so that no
 * {@code java.library.path} set-up is needed.
 */
final class Native {

    static final Linker LINKER = Linker.nativeLinker();
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE;
    static final java.lang.foreign.AddressLayout ADDRESS = ValueLayout.ADDRESS;

    private Native() {
    }

    /**
     * The directories searched for system libraries, in order: {@code java.library.path},
     * {@code LD_LIBRARY_PATH}, the Debian multiarch directories (with OpenBLAS's
     * {@code openblas-pthread}, {@code openblas-openmp} and {@code openblas-serial} alternatives),
     * the usual Red Hat, Homebrew and {@code /usr/local} places.
     */
    static List<Path> searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        for (String var : new String[] {System.getProperty("java.library.path"), System.getenv("LD_LIBRARY_PATH")}) {
            if (var != null) {
                for (String d : var.split(java.io.File.pathSeparator)) {
                    if (!d.isBlank()) {
                        dirs.add(d);
                    }
                }
            }
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String triplet = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            default -> arch + "-linux-gnu";
        };
        for (String d : new String[] {"/usr/lib/" + triplet, "/usr/lib/" + triplet + "/openblas-pthread",
                "/usr/lib/" + triplet + "/openblas-openmp", "/usr/lib/" + triplet + "/openblas-serial",
                "/lib/" + triplet, "/usr/lib64", "/usr/lib64/openblas", "/usr/lib", "/usr/local/lib",
                "/opt/homebrew/opt/openblas/lib", "/usr/local/opt/openblas/lib", "/opt/homebrew/lib"}) {
            dirs.add(d);
        }
        List<Path> out = new ArrayList<>();
        for (String d : dirs) {
            out.add(Path.of(d));
        }
        return out;
    }

    /** @return the first of the file names that exists in a search directory, or null */
    static Path find(String... fileNames) {
        for (Path d : searchPath()) {
            for (String f : fileNames) {
                Path p = d.resolve(f);
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

    /**
     * @return a downcall handle to {@code name}
     * @throws IllegalStateException naming the symbol and the library when it is missing
     */
    static MethodHandle bind(SymbolLookup lookup, String library, String name, FunctionDescriptor fd,
                             Linker.Option... options) {
        MemorySegment address = lookup.find(name)
                .orElseThrow(() -> new IllegalStateException(library + " has no symbol " + name));
        return LINKER.downcallHandle(address, fd, options);
    }

    /** @return a C string's contents (at most {@code max} bytes) */
    static String string(MemorySegment s, long max) {
        return s.reinterpret(max).getString(0);
    }

    /**
     * Sets a variable in the process environment (C's {@code setenv}, which native libraries
     * read; Java's own view of the environment does not change) unless it is set already.
     *
     * @return the value in effect afterwards
     */
    static String setenvUnlessSet(String name, String value) {
        String existing = System.getenv(name);
        if (existing != null) {
            return existing;
        }
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle setenv = LINKER.downcallHandle(LINKER.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(INT, ADDRESS, ADDRESS, INT));
            int ignored = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
            return value;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A complex double passed by value (MKL_Complex16, C's {@code double _Complex}). */
    static final java.lang.foreign.StructLayout COMPLEX = java.lang.foreign.MemoryLayout.structLayout(
            DOUBLE.withName("re"), DOUBLE.withName("im"));

    /** Rethrows a downcall's throwable unchecked (a downcall throws only what the JVM does). */
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
