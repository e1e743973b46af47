package dev.lindblad.parallel;

/**
 * Makes a {@link TaskMap} from a text specification, so that a module Lindblad's core does not
 * depend on (the Spark module) can supply the default map of {@link TaskMap#defaultMap()} and
 * {@link TaskMap#of(String)}. Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.lindblad.parallel.TaskMapProvider}, or {@code provides} in a
 * module descriptor); the first that {@link #accepts(String) accepts} a specification opens it.
 */
public interface TaskMapProvider {

    /**
     * @param spec a map specification such as {@code spark://host:7077} or {@code local[4]}
     * @return whether this provider makes maps for it
     */
    boolean accepts(String spec);

    /**
     * @param spec a specification this provider {@link #accepts(String) accepts}
     * @return the map; it may hold resources (a cluster connection) for the life of the JVM
     */
    TaskMap open(String spec);
}
