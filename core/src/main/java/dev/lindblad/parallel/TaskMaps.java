package dev.lindblad.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps made from specifications: the built-in ones and those of the {@link TaskMapProvider}s. */
final class TaskMaps {
    private static final Pattern THREADS = Pattern.compile("threads\\s*[(:]\\s*(\\d+)\\s*\\)?");
    private static final Map<String, TaskMap> OPENED = new ConcurrentHashMap<>();

    private TaskMaps() {
    }

    /** The map of a specification, opened once per JVM (threads maps are made each time, cheaply). */
    static TaskMap cached(String spec) {
        TaskMap builtIn = builtIn(spec);
        if (builtIn != null) {
            return builtIn;
        }
        return OPENED.computeIfAbsent(spec, TaskMaps::fromProviders);
    }

    static TaskMap open(String spec) {
        TaskMap builtIn = builtIn(spec);
        return builtIn != null ? builtIn : fromProviders(spec);
    }

    private static TaskMap builtIn(String spec) {
        if (spec.equals("serial")) {
            return TaskMap.serial();
        }
        if (spec.equals("threads")) {
            return TaskMap.threads();
        }
        Matcher m = THREADS.matcher(spec);
        if (m.matches()) {
            return TaskMap.threads(Integer.parseInt(m.group(1)));
        }
        return null;
    }

    private static TaskMap fromProviders(String spec) {
        List<String> found = new ArrayList<>();
        for (TaskMapProvider p : ServiceLoader.load(TaskMapProvider.class, TaskMaps.class.getClassLoader())) {
            found.add(p.getClass().getName());
            if (p.accepts(spec)) {
                return p.open(spec);
            }
        }
        if (found.isEmpty()) {
            // the context class loader may see a provider that core's loader does not (a script's class path)
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != TaskMaps.class.getClassLoader()) {
                for (TaskMapProvider p : ServiceLoader.load(TaskMapProvider.class, context)) {
                    found.add(p.getClass().getName());
                    if (p.accepts(spec)) {
                        return p.open(spec);
                    }
                }
            }
        }
        throw new IllegalArgumentException("TaskMap.of: no map for '" + spec + "'; understood: serial, threads, "
                + "threads(n)" + (found.isEmpty()
                ? ", and nothing else: no TaskMapProvider is on the class path (add lindblad-spark for spark://, "
                        + "local[n], yarn, k8s://)"
                : ", and what the providers " + found + " accept"));
    }
}
