package dev.lindblad.backend;

import java.nio.file.Path;

/**
 * A native library a {@link Backend} found, for {@code lindblad info}.
 *
 * @param name    the library as people call it (e.g. {@code "Intel MKL"}, {@code "OpenBLAS"})
 * @param path    the file loaded, or null when it was not found
 * @param version the version it reports (or the file name's), or null when unknown
 * @param note    why it is absent or unusable, or extra detail (threading layer); may be null
 */
public record NativeLibrary(String name, Path path, String version, String note) {
}
