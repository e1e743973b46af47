package dev.lindblad.solver;

import java.util.List;

/** The CSV table of {@link DataFiles#saveCsv}. */
final class CsvExport {

    private CsvExport() {
    }

    static String text(Object result, List<String> labels) {
        double[] times;
        double[][] values;
        boolean[] real;
        switch (result) {
            case Result r -> {
                times = r.rawTimes();
                values = r.rawExpect();
                real = new boolean[values.length];
                for (int k = 0; k < real.length; k++) {
                    real[k] = r.rawFirstComplex()[k] < 0;
                }
            }
            case McResult r -> {
                if (r.ntraj() == 0) {
                    throw new DataFileException(null, "saveCsv: the McResult has no finished trajectory, so no average");
                }
                times = r.rawTimes();
                values = r.rawMean();
                real = r.rawHermitian().clone();
            }
            default -> {
                DataFileCodec codec = null;
                for (DataFileCodec c : QsaveCodec.codecs()) {
                    if (c.handles(result) && c.writesCsv(result)) {
                        codec = c;
                        break;
                    }
                }
                if (codec == null) {
                    throw new DataFileException(null, "saveCsv: cannot export a " + result.getClass().getName()
                            + "; saveCsv takes a Result or a McResult, or a type of another module that exports CSV");
                }
                CsvTable table = new CsvTable();
                codec.writeCsv(result, table);
                if (table.times == null) {
                    throw new IllegalStateException("saveCsv: the codec " + codec.kind() + " set no times");
                }
                times = table.times;
                values = table.values.toArray(new double[0][]);
                real = new boolean[values.length];
                for (int k = 0; k < real.length; k++) {
                    real[k] = table.real.get(k);
                }
            }
        }
        if (labels != null && labels.size() != values.length) {
            throw new IllegalArgumentException("saveCsv: labels has " + labels.size() + " names for " + values.length
                    + " e-ops");
        }
        StringBuilder sb = new StringBuilder(32 * times.length * (1 + values.length));
        sb.append("time");
        for (int k = 0; k < values.length; k++) {
            String name = labels == null ? "e" + k : labels.get(k);
            if (name == null) {
                throw new NullPointerException("saveCsv: labels[" + k + "] is null");
            }
            if (real[k]) {
                sb.append(',').append(quote(name));
            } else {
                sb.append(',').append(quote(name + "_re")).append(',').append(quote(name + "_im"));
            }
        }
        sb.append('\n');
        for (int i = 0; i < times.length; i++) {
            sb.append(times[i]);
            for (int k = 0; k < values.length; k++) {
                sb.append(',').append(values[k][2 * i]);
                if (!real[k]) {
                    sb.append(',').append(values[k][2 * i + 1]);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
