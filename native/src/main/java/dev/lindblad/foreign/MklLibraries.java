package dev.lindblad.foreign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Intel MKL's shared libraries, taken from the {@code org.bytedeco:mkl} {@code linux-x86_64-redist}
 * jar on the class path (only its {@code .so} files: no JavaCPP, no JNI) and unpacked once into
 * {@code <cache>/native/mkl-<version>-<checksum>/}, where {@code <cache>} is Lindblad's cache
 * directory ({@code LINDBLAD_CACHE}, {@code -Dlindblad.cache}, else {@code ~/.cache/lindblad}; a
 * directory under {@code java.io.tmpdir} when caching is off). The checksum is a CRC-32 over the
 * libraries' names, sizes and CRC-32s as the jar lists them, so another build of the same version
 * unpacks apart; each file's CRC-32 is checked while it is unpacked. A complete directory holds
 * the marker {@value #MARKER} and is reused by every later JVM after a size check of each file.
 * Unpacking goes through a temporary directory and an atomic rename, so concurrent JVMs never
 * load a half-written library.
 */
final class MklLibraries {

    /** Where the libraries sit inside the jar. */
    static final String PREFIX = "org/bytedeco/mkl/linux-x86_64/";
    /** The library loaded first: MKL's single dynamic library, which loads its siblings. */
    static final String RUNTIME = "libmkl_rt.so.2";
    static final String MARKER = "unpacked.properties";

    private MklLibraries() {
    }

    /**
     * @param directory the directory holding the libraries
     * @param version   the jar's version (e.g. {@code 2025.2-1.5.12}), or null when unknown
     * @param jar       the jar they came from, or null when they came from a directory
     * @param unpacked  whether this JVM unpacked them (false: reused)
     */
    record Location(Path directory, String version, Path jar, boolean unpacked) {
    }

    /**
     * Finds the jar on the class path and returns the directory of its unpacked libraries,
     * unpacking it first when needed.
     *
     * @param cacheDirectory Lindblad's cache directory, or null when caching is off
     * @throws IllegalStateException when the jar is not on the class path or cannot be unpacked,
     *                               with a message that says which
     */
    static Location locate(Path cacheDirectory) {
        ClassLoader loader = MklLibraries.class.getClassLoader();
        URL url = loader.getResource(PREFIX + RUNTIME);
        if (url == null) {
            throw new IllegalStateException("the MKL jar (org.bytedeco:mkl:2025.2-1.5.12:linux-x86_64-redist) is not on"
                    + " the class path" + (System.getProperty("os.arch", "").matches("amd64|x86_64") ? ""
                    : "; it exists for x86-64 Linux only, this is " + System.getProperty("os.arch")));
        }
        try {
            if (url.getProtocol().equals("file")) {
                Path dir = Path.of(url.toURI()).getParent();
                return new Location(dir, null, null, false);
            }
            if (!url.getProtocol().equals("jar")) {
                throw new IllegalStateException("cannot read MKL from " + url);
            }
            JarURLConnection c = (JarURLConnection) url.openConnection();
            Path jarPath = Path.of(c.getJarFileURL().toURI());
            try (JarFile jar = new JarFile(jarPath.toFile())) {
                return unpack(jar, jarPath, cacheDirectory);
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot unpack MKL from " + url + ": " + e, e);
        }
    }

    private static Location unpack(JarFile jar, Path jarPath, Path cacheDirectory) throws IOException {
        List<JarEntry> libs = new ArrayList<>();
        for (JarEntry e : java.util.Collections.list(jar.entries())) {
            String name = e.getName();
            if (name.startsWith(PREFIX) && !e.isDirectory() && name.indexOf('/', PREFIX.length()) < 0
                    && name.substring(PREFIX.length()).matches("lib[^/]*\\.so(\\.[0-9]+)*")) {
                libs.add(e);
            }
        }
        libs.sort(Comparator.comparing(JarEntry::getName));
        if (libs.isEmpty()) {
            throw new IllegalStateException(jarPath + " holds no libraries under " + PREFIX);
        }
        CRC32 key = new CRC32();
        for (JarEntry e : libs) {
            key.update((e.getName() + ":" + e.getSize() + ":" + e.getCrc() + ";").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String version = version(jar);
        String dirName = "mkl-" + (version == null ? "unknown" : version) + "-" + HexFormat.of().toHexDigits((int) key.getValue());
        Path base = cacheDirectory != null ? cacheDirectory.resolve("native")
                : Path.of(System.getProperty("java.io.tmpdir"), "lindblad-" + System.getProperty("user.name", "user"), "native");
        Path dir = base.resolve(dirName);
        if (complete(dir, libs)) {
            return new Location(dir, version, jarPath, false);
        }
        Files.createDirectories(base);
        Path tmp = Files.createTempDirectory(base, dirName + ".tmp");
        try {
            for (JarEntry e : libs) {
                Path target = tmp.resolve(e.getName().substring(PREFIX.length()));
                try (CheckedInputStream in = new CheckedInputStream(jar.getInputStream(e), new CRC32());
                     OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                    if (in.getChecksum().getValue() != e.getCrc()) {
                        throw new IOException("checksum mismatch unpacking " + e.getName() + " from " + jarPath);
                    }
                }
            }
            Properties p = new Properties();
            p.setProperty("jar", jarPath.toString());
            p.setProperty("version", String.valueOf(version));
            p.setProperty("files", Integer.toString(libs.size()));
            try (OutputStream out = Files.newOutputStream(tmp.resolve(MARKER))) {
                p.store(out, "Intel MKL libraries unpacked by Lindblad from the jar named here; delete this directory to unpack again");
            }
            if (Files.exists(dir)) {    // an incomplete directory of an interrupted run
                deleteTree(dir);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException
                     | AtomicMoveNotSupportedException e) {
                if (!complete(dir, libs)) {     // not another JVM's finished copy
                    throw e;
                }
            }
            return new Location(dir, version, jarPath, true);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /** @return whether dir holds the marker and every library at its size */
    private static boolean complete(Path dir, List<JarEntry> libs) {
        if (!Files.isRegularFile(dir.resolve(MARKER))) {
            return false;
        }
        try {
            for (JarEntry e : libs) {
                Path f = dir.resolve(e.getName().substring(PREFIX.length()));
                if (!Files.isRegularFile(f) || Files.size(f) != e.getSize()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String version(JarFile jar) throws IOException {
        JarEntry e = jar.getJarEntry("META-INF/maven/org.bytedeco/mkl/pom.properties");
        if (e == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(e)) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
