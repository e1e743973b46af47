package dev.lindblad.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * What {@link SparkTaskMap#connect} ships to the executors: Lindblad's jars and the class
 * directories of this JVM's class path (a script's or a build's classes), each directory packed
 * into a temporary jar. Spark's own jars and their dependencies are the cluster's.
 */
final class ClassPathJars {
    private ClassPathJars() {
    }

    static List<String> lindbladAndCallerJars() {
        List<String> out = new ArrayList<>();
        String cp = System.getProperty("java.class.path", "");
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                out.add(pack(p).toString());
            } else if (Files.isRegularFile(p) && p.getFileName().toString().startsWith("lindblad-")
                    && p.getFileName().toString().endsWith(".jar")) {
                out.add(p.toString());
            }
        }
        return out;
    }

    /** Packs a class directory into a temporary jar, deleted when the JVM exits. */
    static Path pack(Path dir) {
        try {
            Path jar = Files.createTempFile("lindblad-classes-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                        String name = dir.relativize(f).toString().replace(File.separatorChar, '/');
                        if (!name.equals("module-info.class")) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(f, out);
                            out.closeEntry();
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("SparkTaskMap.connect: cannot pack the class directory " + dir
                    + " into a jar for the executors", e);
        }
    }
}
