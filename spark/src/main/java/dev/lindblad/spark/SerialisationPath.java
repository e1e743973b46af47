package dev.lindblad.spark;

import java.io.NotSerializableException;

/** The chain of fields from a root object to the one that cannot be serialised. */
final class SerialisationPath {
    private SerialisationPath() {
    }

    /**
     * @return Spark's serialisation stack (each object and the field that holds it), or a note
     *         that it is not available
     */
    static String explain(Object root, NotSerializableException e) {
        try {
            String improved = org.apache.spark.serializer.SerializationDebugger.improveException(root, e).getMessage();
            int at = improved.indexOf("Serialization stack:");
            return at < 0 ? "(not found: " + improved + ")" : improved.substring(at + "Serialization stack:".length())
                    .strip().replace("\n", " ").replace("\t", "");
        } catch (RuntimeException | LinkageError unavailable) {
            return "(not available: " + unavailable + ")";
        }
    }
}
