package dev.lindblad.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reference values computed by QuTiP 4.7, read from {@code reference/<name>.txt} at the root of
 * the repository (written by {@code reference/make_reference.py}; the format is described in
 * {@code reference/README.md}).
 *
 * <p>A file is a sequence of cases; a case ({@code @case NAME}) holds entries
 * {@code KEY TYPE [shape=RxC] = VALUES} with TYPE one of {@code real}, {@code int},
 * {@code complex} (interleaved {@code re im} pairs) or {@code text}. Matrices are column-major:
 * element (i, j) of an R-row matrix is value number {@code i + j*R} (for complex entries its real
 * part sits at {@code 2*(i + j*R)}), the same layout as Lindblad's dense kernels.
 */
public final class Reference {
    private static final Pattern ENTRY = Pattern.compile(
            "(\\S+)\\s+(real|int|complex|text)(?:\\s+shape=(\\d+)x(\\d+))?\\s*=\\s?(.*)");

    private final String source;
    private final Map<String, Case> cases;

    private Reference(String source, Map<String, Case> cases) {
        this.source = source;
        this.cases = cases;
    }

    /**
     * Loads {@code reference/<name>.txt}, looking for a {@code reference} directory in the working
     * directory and then in each parent (Surefire runs in the module directory, {@code core/}).
     *
     * @throws IllegalStateException if no such file is found or the file is malformed
     */
    public static Reference load(String name) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("reference").resolve(name + ".txt");
            if (Files.isRegularFile(file)) {
                try {
                    return parse(file.toString(), Files.readAllLines(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        throw new IllegalStateException("no reference/" + name + ".txt in " + start + " or any parent");
    }

    static Reference parse(String source, List<String> lines) {
        Map<String, Case> cases = new LinkedHashMap<>();
        Case current = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            String where = source + ":" + (n + 1);
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("@case")) {
                String caseName = line.substring(5).strip();
                if (caseName.isEmpty() || caseName.contains(" ") || cases.containsKey(caseName))
                    throw new IllegalStateException(where + ": bad or duplicate case name '" + caseName + "'");
                current = new Case(source, caseName);
                cases.put(caseName, current);
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) throw new IllegalStateException(where + ": cannot parse '" + abbreviate(line) + "'");
            if (current == null) throw new IllegalStateException(where + ": entry before any @case");
            current.add(where, m);
        }
        return new Reference(source, Collections.unmodifiableMap(cases));
    }

    /** The case {@code caseName}; throws {@link IllegalArgumentException} naming the known cases if absent. */
    public Case get(String caseName) {
        Case c = cases.get(caseName);
        if (c == null) throw new IllegalArgumentException(source + " has no case '" + caseName + "'; cases: " + cases.keySet());
        return c;
    }

    /** The case names, in file order. */
    public Set<String> cases() {
        return cases.keySet();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private record Entry(String type, double[] values, int rows, int cols, String text) {}

    /** One {@code @case} block: named entries of reals, ints, complexes (interleaved) or text. */
    public static final class Case {
        private final String source;
        private final String name;
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private Case(String source, String name) {
            this.source = source;
            this.name = name;
        }

        private void add(String where, Matcher m) {
            String key = m.group(1), type = m.group(2), body = m.group(5).strip();
            if (entries.containsKey(key)) throw new IllegalStateException(where + ": duplicate key '" + key + "'");
            if (type.equals("text")) {
                entries.put(key, new Entry(type, new double[0], 1, 1, body));
                return;
            }
            String[] tokens = body.isEmpty() ? new String[0] : body.split("\\s+");
            double[] values = new double[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                try {
                    values[i] = type.equals("int") ? Long.parseLong(tokens[i]) : Double.parseDouble(tokens[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(where + ": key '" + key + "': bad number '" + tokens[i] + "'");
                }
            }
            if (type.equals("complex") && values.length % 2 != 0)
                throw new IllegalStateException(where + ": key '" + key + "': odd number of values for complex");
            int count = type.equals("complex") ? values.length / 2 : values.length;
            int rows = count, cols = 1;
            if (m.group(3) != null) {
                rows = Integer.parseInt(m.group(3));
                cols = Integer.parseInt(m.group(4));
                if ((long) rows * cols != count)
                    throw new IllegalStateException(where + ": key '" + key + "': shape " + rows + "x" + cols
                            + " does not match " + count + " values");
            }
            entries.put(key, new Entry(type, values, rows, cols, null));
        }

        private Entry entry(String key, String... types) {
            Entry e = entries.get(key);
            if (e == null)
                throw new IllegalArgumentException(source + " case '" + name + "' has no key '" + key + "'; keys: " + entries.keySet());
            for (String t : types) if (t.equals(e.type)) return e;
            throw new IllegalArgumentException(source + " case '" + name + "' key '" + key + "' is " + e.type
                    + ", not " + String.join(" or ", types));
        }

        /** The case name. */
        public String name() { return name; }

        /** The keys, in file order. */
        public Set<String> keys() { return Collections.unmodifiableSet(entries.keySet()); }

        /** Whether the case has {@code key}. */
        public boolean has(String key) { return entries.containsKey(key); }

        /** A single real (or int) value. */
        public double scalar(String key) {
            Entry e = entry(key, "real", "int");
            if (e.values.length != 1)
                throw new IllegalArgumentException(source + " case '" + name + "' key '" + key + "' holds "
                        + e.values.length + " values, not one");
            return e.values[0];
        }

        /** Real (or int) values; a matrix comes column-major. */
        public double[] reals(String key) { return entry(key, "real", "int").values.clone(); }

        /** Integer values. */
        public int[] ints(String key) {
            double[] v = entry(key, "int").values;
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) out[i] = Math.toIntExact((long) v[i]);
            return out;
        }

        /** Complex values interleaved {@code (re, im)}, column-major for a matrix; a real entry gets zero imaginary parts. */
        public double[] complexes(String key) {
            Entry e = entry(key, "complex", "real", "int");
            if (e.type.equals("complex")) return e.values.clone();
            double[] out = new double[2 * e.values.length];
            for (int i = 0; i < e.values.length; i++) out[2 * i] = e.values[i];
            return out;
        }

        /** Rows of the entry: the shape's first number, or the number of (complex) values if no shape was given. */
        public int rows(String key) { return entry(key, "real", "int", "complex").rows; }

        /** Columns of the entry: the shape's second number, or 1 if no shape was given. */
        public int cols(String key) { return entry(key, "real", "int", "complex").cols; }

        /** A text entry (the rest of the line after {@code =}, stripped). */
        public String text(String key) { return entry(key, "text").text; }
    }
}
