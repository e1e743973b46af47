package dev.lindblad.spark;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The chain of fields from a root object to the first object that cannot be serialised, such as
 * {@code Shipped.hamiltonian.terms[1].coefficient (captured value 0) -> Script$$Lambda/0x...}:
 * Java's own exception names only the class at fault.
 */
final class SerialisationPath {
    private static final int MAX_DEPTH = 64;

    private SerialisationPath() {
    }

    /** @return the path to the culprit, or the exception's message when none is found */
    static String explain(Object root, NotSerializableException e) {
        try {
            String path = find(root, root.getClass().getSimpleName(), new IdentityHashMap<>(), 0);
            return path != null ? path : "(not found; the culprit is " + e.getMessage() + ")";
        } catch (RuntimeException | LinkageError unavailable) {
            return "(not found: " + unavailable + ")";
        }
    }

    private static String find(Object x, String path, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (x == null || depth > MAX_DEPTH || seen.put(x, Boolean.TRUE) != null) {
            return null;
        }
        Class<?> c = x.getClass();
        if (!(x instanceof Serializable)) {
            return path + " -> " + c.getName();
        }
        if (c.isArray()) {
            if (c.getComponentType().isPrimitive()) {
                return null;
            }
            Object[] xs = (Object[]) x;
            for (int i = 0; i < xs.length; i++) {
                String p = find(xs[i], path + "[" + i + "]", seen, depth + 1);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (x instanceof Collection<?> xs) {
            int i = 0;
            for (Object e : xs) {
                String p = find(e, path + "[" + i++ + "]", seen, depth + 1);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (x instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String p = find(e.getKey(), path + ".key(" + e.getKey() + ")", seen, depth + 1);
                if (p == null) {
                    p = find(e.getValue(), path + "[" + e.getKey() + "]", seen, depth + 1);
                }
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (c.isHidden() || c.getName().contains("$$Lambda")) {
            return lambda(x, c, path, seen, depth);
        }
        if (c.getName().startsWith("java.") || c.getName().startsWith("javax.") || c.getName().startsWith("scala.")) {
            return null;   // the platform's serialisable types are trusted
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.getType().isPrimitive()) {
                    continue;
                }
                Object v;
                try {
                    f.setAccessible(true);
                    v = f.get(x);
                } catch (RuntimeException | IllegalAccessException closed) {
                    continue;
                }
                String p = find(v, path + "." + f.getName(), seen, depth + 1);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** A serialisable lambda travels as its captured values. */
    private static String lambda(Object x, Class<?> c, String path, IdentityHashMap<Object, Boolean> seen, int depth) {
        try {
            Method replace = c.getDeclaredMethod("writeReplace");
            replace.setAccessible(true);
            if (replace.invoke(x) instanceof SerializedLambda s) {
                for (int i = 0; i < s.getCapturedArgCount(); i++) {
                    String p = find(s.getCapturedArg(i), path + " (a lambda of " + s.getCapturingClass().replace('/', '.')
                            + ", captured value " + i + ")", seen, depth + 1);
                    if (p != null) {
                        return p;
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
        return null;
    }
}
