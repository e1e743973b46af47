package dev.lindblad.spark;

import dev.lindblad.parallel.TaskMap;
import dev.lindblad.parallel.TaskMapProvider;
import java.util.Objects;

/**
 * Makes {@link SparkTaskMap}s for {@link TaskMap#of(String)} and {@link TaskMap#defaultMap()}
 * ({@code -Dlindblad.map=...}, {@code LINDBLAD_MAP}): Spark's master URLs ({@code local},
 * {@code local[n]}, {@code local[*]}, {@code spark://...}, {@code yarn}, {@code k8s://...},
 * {@code mesos://...}), and {@code spark}, which takes the master {@code spark-submit}
 * configured.
 */
public final class SparkTaskMapProvider implements TaskMapProvider {

    /** Made by {@link java.util.ServiceLoader}. */
    public SparkTaskMapProvider() {
    }

    @Override
    public boolean accepts(String spec) {
        Objects.requireNonNull(spec, "SparkTaskMapProvider.accepts: spec is null");
        return spec.equals("spark") || spec.equals("local") || spec.startsWith("local[") || spec.startsWith("spark://")
                || spec.equals("yarn") || spec.startsWith("k8s://") || spec.startsWith("mesos://")
                || spec.startsWith("local-cluster[");
    }

    @Override
    public TaskMap open(String spec) {
        Objects.requireNonNull(spec, "SparkTaskMapProvider.open: spec is null");
        return spec.equals("spark") ? SparkTaskMap.connect() : SparkTaskMap.connect(spec);
    }
}
