import dev.lindblad.*;
import dev.lindblad.solver.*;
import dev.lindblad.parallel.TaskMap;
import java.util.*;
import static dev.lindblad.Lindblad.*;
/**
 * ssesolve alone with the protocol of {@code lindblad bench traj} (nho N = 50, 500 trajectories,
 * platen, dt 1e-3, t in [0, 2]; TaskMap.threads(1) and threads(2) made once, each warmed up for at
 * least 2 s, then 5 rounds alternating; medians): the parallel efficiency T1 / (2 T2) without the
 * bench's mcsolve rounds before it in the same JVM. Not part of the build; run from the repository
 * root after a build (./lindblad info builds):
 *
 *   java --enable-native-access=ALL-UNNAMED -cp "cli/target/lindblad-cli.jar:$(cat cli/target/classpath.txt)" \
 *       bench/probes/stochastic/SseEfficiency.java
 */
public class SseEfficiency {
    public static void main(String[] args) {
        int size = 50;
        Qobj a = destroy(size);
        Qobj h = a.dag().times(a).times(0.1).plus(a.dag().times(a.dag()).times(a).times(a).times(0.025)).plus(a.plus(a.dag()).times(2));
        List<Qobj> scOps = List.of(a.times(Math.sqrt(1.2)));
        Qobj n = a.dag().times(a);
        double[] t = new double[101];
        for (int i = 0; i <= 100; i++) t[i] = 0.02 * i;
        StochasticOptions o = StochasticOptions.defaults().withNtraj(500).withMethod("platen").withDt(1e-3).withSeed(20261203);
        TaskMap[] maps = {TaskMap.threads(1), TaskMap.threads(2)};
        for (TaskMap m : maps) { long w0 = System.nanoTime(); do { ssesolve(h, fock(size, 0), t, scOps, List.of(n), o.withMap(m)); } while (System.nanoTime() - w0 < 2e9); }
        double[][] wall = new double[2][5];
        for (int r = 0; r < 5; r++) for (int k = 0; k < 2; k++) {
            long t0 = System.nanoTime(); ssesolve(h, fock(size, 0), t, scOps, List.of(n), o.withMap(maps[k])); wall[k][r] = (System.nanoTime() - t0) / 1e9;
        }
        for (double[] w : wall) Arrays.sort(w);
        System.out.printf("1 thread %.3f s, 2 threads %.3f s, efficiency %.1f%%  (1: %s  2: %s)%n", wall[0][2], wall[1][2], 100 * wall[0][2] / (2 * wall[1][2]), Arrays.toString(wall[0]), Arrays.toString(wall[1]));
    }
}
