package dev.lindblad;

import static dev.lindblad.Lindblad.*;

import dev.lindblad.solver.McOptions;
import dev.lindblad.solver.MeSolver;
import dev.lindblad.solver.SolverOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run by {@link MemoryRefusalTest} in a JVM with a 256 MiB heap: each request below needs
 * several times that, and must be refused at once with {@link InsufficientMemoryException}
 * instead of ending in an {@link OutOfMemoryError} after the work. Prints one line per case:
 * {@code REFUSED <case> <message>} or {@code NOT-REFUSED <case> <what happened>}.
 */
public final class MemoryRefusalProbe {
    private MemoryRefusalProbe() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("mesolve-stored-states", () -> {
            int n = 400;
            Qobj a = destroy(n);
            mesolve(num(n), fock(n, 1), linspace(0, 1, 201), List.of(a.times(0.1)), List.of());
        });
        cases.put("mesolve-liouvillian", () -> {
            int n = 1024;
            Qobj a = destroy(n);
            new MeSolver(num(n).plus(a.plus(a.dag())), List.of(a), SolverOptions.defaults().withRhs("liouvillian"));
        });
        cases.put("propagator", () -> {
            int n = 40;
            Qobj a = destroy(n);
            propagator(num(n), 1.0, List.of(a));
        });
        cases.put("expm", () -> num(3000).times(0.01).expm());
        cases.put("eigenstates", () -> num(5000).eigenstates());
        cases.put("steadystate", () -> {
            int n = 3000;
            Qobj a = destroy(n);
            steadystate(num(n).plus(a.plus(a.dag())), List.of(a));
        });
        cases.put("mcsolve-stored-states", () -> {
            int n = 1000;
            Qobj a = destroy(n);
            mcsolve(num(n), fock(n, 1), linspace(0, 1, 51), List.of(a.times(0.1)), List.of(),
                    McOptions.defaults().withNtraj(4).withSeed(1));
        });
        for (Map.Entry<String, Runnable> c : cases.entrySet()) {
            long start = System.nanoTime();
            try {
                c.getValue().run();
                System.out.println("NOT-REFUSED " + c.getKey() + " it ran to the end");
            } catch (InsufficientMemoryException e) {
                System.out.println("REFUSED " + c.getKey() + " " + (System.nanoTime() - start) / 1_000_000 + "ms "
                        + e.getMessage());
            } catch (Throwable e) {
                System.out.println("NOT-REFUSED " + c.getKey() + " " + e);
            }
        }
    }
}
