package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import dev.lindblad.parallel.Parallelism;
import dev.lindblad.parallel.TaskMap;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of {@code dev.lindblad.solver} and
 * {@code dev.lindblad.parallel} that takes an object refuses null with a
 * {@link NullPointerException} (or {@link IllegalArgumentException}) whose message names the
 * argument (issue 14, item 15), found by reflection so that a method added later is checked
 * too. The arguments documented as nullable (collapse operators, e-ops and callbacks: null is
 * none, as QuTiP's {@code None}; the options' "use the default" fields) are listed below.
 */
class NullArgumentTest {

    /** Documented as nullable: "Class#parameter". */
    private static final Set<String> NULLABLE = Set.of(
            "Solvers#cOps", "Solvers#eOps", "Solvers#eFuncs", "MeSolver#cOps", "MeSolver#eOps", "MeSolver#eFuncs",
            "SeSolver#eOps", "SeSolver#eFuncs", "McSolver#cOps", "McSolver#eOps", "Propagator#cOps",
            "SteadyStateSolver#cOps", "McOptions#seed", "McOptions#map", "McOptions#timeout",
            "SolverOptions#storeStates",
            // issue #20: null c-op and e-op lists mean none, as QuTiP's None
            "BlochRedfield#cOps", "BrSolver#cOps", "BrSolver#eOps", "BrSolver#eFuncs", "Floquet#eOps", "Floquet#cOps",
            // QuTiP's state0 = None: start from the steady state; a null operator of correlation3op
            // is the identity, as QuTiP's A = None
            "Correlations#state0", "Correlations#cOps", "Correlations#aOp", "Correlations#bOp", "Correlations#cOp",
            // DataFiles.saveCsv(result, path, labels): null labels are the default names e0, e1, ...
            "DataFiles#labels",
            // stochastic solvers (issue #22): no unmonitored collapse operators, no e-ops or
            // callbacks (QuTiP's None), and the options' "use the default" fields
            "SmeSolver#cOps", "SseSolver#eOps", "SseSolver#eFuncs", "SmeSolver#eOps", "SmeSolver#eFuncs",
            // run(..., seeds): null seeds are the ntraj seeds derived from the master seed
            "SseSolver#seeds", "SmeSolver#seeds",
            "StochasticOptions#seed", "StochasticOptions#map", "StochasticOptions#timeout");

    /** Exceptions, results and records the solvers build (not user input). */
    private static boolean skipped(Class<?> c) {
        return Throwable.class.isAssignableFrom(c) || Set.of("Stats", "Collapse", "TrajectoryFailure",
                "SteadyStateResult", "Calibration", "SpmvBenchmark",
                "BrTensor").contains(c.getSimpleName());
    }

    private static Object sample(Class<?> type, Class<?> owner, String name) {
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double[].class) {
            return new double[] {0, 0.25};
        }
        if (type == int[].class) {
            return new int[] {1};
        }
        if (type == long[].class) {
            return new long[] {1, 2};
        }
        if (type == Qobj.class || type == QobjLike.class) {
            return sigmax();
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == SolverOptions.class) {
            return SolverOptions.defaults();
        }
        if (type == McOptions.class) {
            return McOptions.defaults().withNtraj(2).withSeed(1).withMap(TaskMap.serial());
        }
        if (type == MeSolver.class) {
            return new MeSolver(sigmax(), List.of(sigmam()), SolverOptions.defaults());
        }
        if (type == SteadyStateOptions.class) {
            return SteadyStateOptions.defaults();
        }
        if (type == StochasticOptions.class) {
            return StochasticOptions.defaults().withNtraj(2).withSeed(1).withMap(TaskMap.serial());
        }
        if (type == TaskMap.class) {
            return TaskMap.serial();
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Function.class) {
            return Function.identity();
        }
        if (type == java.util.function.DoubleUnaryOperator.class) {   // issue #20: bath spectra
            return (java.util.function.DoubleUnaryOperator) w -> w > 0 ? 0.1 : 0;
        }
        if (type == java.util.function.DoubleBinaryOperator.class) {   // time-dependent spectra S(t, w)
            return (java.util.function.DoubleBinaryOperator) (t, w) -> w > 0 ? 0.1 : 0;
        }
        if (type == dev.lindblad.QobjEvo.class) {   // time-dependent Bloch-Redfield couplings
            return dev.lindblad.QobjEvo.of(sigmax(), t -> 1 + t);
        }
        if (type == FloquetBasis.class) {   // issue #20: solvers that reuse a Floquet basis
            return new FloquetBasis(sigmax(), 1.0);
        }
        if (type == IntConsumer.class) {
            return (IntConsumer) i -> {
            };
        }
        if (type == Runnable.class) {
            return (Runnable) () -> {
            };
        }
        if (type == Supplier.class) {
            return (Supplier<Object>) () -> 1;
        }
        if (type == PrintStream.class) {
            return System.out;
        }
        if (type == Path.class) {
            return Path.of("target", "null-argument-never-written.qsave");   // each call has a null: nothing is written
        }
        if (type == Object.class) {
            return "x";
        }
        if (type == Class.class) {
            return Object.class;
        }
        if (type == String.class) {
            return owner == SteadyStateOptions.class ? "auto" : name.equals("rhs") ? "auto" : "adams";
        }
        if (type == Long.class) {
            return 1L;
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        return null;
    }

    /** Record canonical constructors take the defaults' components, so only the null is wrong. */
    private static Object[] arguments(Executable e, Class<?> owner) throws ReflectiveOperationException {
        Parameter[] ps = e.getParameters();
        Object[] args = new Object[ps.length];
        if (owner.isRecord() && e instanceof Constructor<?>) {
            Object defaults = Stream.of(owner.getMethods()).filter(m -> m.getName().equals("defaults")).findFirst()
                    .orElseThrow().invoke(null);
            if (owner == McOptions.class) {
                defaults = sample(McOptions.class, owner, "");
            }
            RecordComponent[] rc = owner.getRecordComponents();
            for (int i = 0; i < rc.length; i++) {
                args[i] = rc[i].getAccessor().invoke(defaults);
            }
            return args;
        }
        for (int i = 0; i < ps.length; i++) {
            args[i] = sample(ps[i].getType(), owner, ps[i].getName());
        }
        return args;
    }

    private static Map<Class<?>, Object> receivers() {
        Qobj h = sigmax();
        Result r = sesolve(h, basis(2, 0), new double[] {0, 0.1}, List.of(sigmaz()));
        McResult mc = mcsolve(h, basis(2, 0), new double[] {0, 0.1}, List.of(sigmam()), List.of(sigmaz()),
                McOptions.defaults().withNtraj(2).withSeed(1).withMap(TaskMap.serial()));
        return Map.ofEntries(
                Map.entry(SeSolver.class, new SeSolver(h, SolverOptions.defaults())),
                Map.entry(MeSolver.class, new MeSolver(h, List.of(sigmam()), SolverOptions.defaults())),
                Map.entry(McSolver.class, new McSolver(h, List.of(sigmam()), (McOptions) sample(McOptions.class, null, ""))),
                Map.entry(Propagator.class, new Propagator(h, List.of(), SolverOptions.defaults())),
                Map.entry(SteadyStateSolver.class, new SteadyStateSolver(h, List.of(sigmam()), SteadyStateOptions.defaults())),
                Map.entry(SolverOptions.class, SolverOptions.defaults()),
                Map.entry(McOptions.class, McOptions.defaults()),
                Map.entry(SteadyStateOptions.class, SteadyStateOptions.defaults()),
                Map.entry(Result.class, r),
                Map.entry(McResult.class, mc),
                Map.entry(SseSolver.class, new SseSolver(h, List.of(sigmam()), (StochasticOptions) sample(
                        StochasticOptions.class, null, ""))),
                Map.entry(SmeSolver.class, new SmeSolver(h, List.of(), List.of(sigmam()), (StochasticOptions) sample(
                        StochasticOptions.class, null, ""))),
                Map.entry(StochasticOptions.class, StochasticOptions.defaults()),
                Map.entry(StochasticResult.class, new SseSolver(h, List.of(sigmam()), (StochasticOptions) sample(
                        StochasticOptions.class, null, "")).run(basis(2, 0), new double[] {0, 0.1}, null)),
                Map.entry(TaskMap.class, TaskMap.threads(2)),
                Map.entry(FloquetBasis.class, new FloquetBasis(sigmax(), 1.0)),
                Map.entry(BrSolver.class, new BrSolver(sigmaz(), List.of(BrOperator.of(sigmax(), w -> 0.1)), List.of(),
                        0.1, SolverOptions.defaults())));
    }

    private static List<Class<?>> publicClasses(String pkg, Class<?> anchor) throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.equals("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(pkg + "." + file.substring(0, file.length() - 6));
                if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic()
                        && (c.getEnclosingClass() == null || Modifier.isPublic(c.getEnclosingClass().getModifiers()))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void everyPublicMethodNamesItsNullArgument() throws Exception {
        Map<Class<?>, Object> receivers = receivers();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        List<Class<?>> classes = new ArrayList<>(publicClasses("dev.lindblad.solver", SolverOptions.class));
        classes.addAll(publicClasses("dev.lindblad.parallel", Parallelism.class));
        for (Class<?> c : classes) {
            if (skipped(c)) {
                continue;
            }
            List<Executable> members = new ArrayList<>(List.of(c.getConstructors()));
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
                        && !m.getName().equals("equals") && !m.getName().equals("main")
                        && !(c.isEnum() && m.getName().equals("valueOf"))) {
                    members.add(m);
                }
            }
            if (c.isInterface() && c != TaskMap.class) {
                continue;
            }
            for (Executable e : members) {
                boolean isStatic = e instanceof Constructor<?> || Modifier.isStatic(e.getModifiers());
                Object receiver = isStatic ? null : receivers.get(c);
                if (!isStatic && receiver == null) {
                    continue;
                }
                Parameter[] ps = e.getParameters();
                for (int i = 0; i < ps.length; i++) {
                    if (ps[i].getType().isPrimitive() || NULLABLE.contains(c.getSimpleName() + "#" + ps[i].getName())) {
                        continue;
                    }
                    Object[] args = arguments(e, c);
                    args[i] = null;
                    String where = c.getSimpleName() + "." + e.getName() + " argument " + ps[i].getName();
                    checked++;
                    Throwable thrown = null;
                    try {
                        if (e instanceof Constructor<?> k) {
                            k.newInstance(args);
                        } else {
                            ((Method) e).invoke(receiver, args);
                        }
                    } catch (InvocationTargetException x) {
                        thrown = x.getCause();
                    }
                    if (thrown == null) {
                        failures.add(where + ": null accepted");
                    } else if (!(thrown instanceof NullPointerException || thrown instanceof IllegalArgumentException)) {
                        failures.add(where + ": " + thrown);
                    } else {
                        String msg = thrown.getMessage();
                        String name = ps[i].getName();
                        boolean names = msg != null && !msg.equals("null") && msg.contains("null")
                                && (name.length() == 1 || msg.contains(name));
                        if (!names) {
                            failures.add(where + ": message \"" + msg + "\"");
                        }
                    }
                }
            }
        }
        assertTrue(checked > 60, "only " + checked + " arguments checked");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " null arguments not named:\n"
                + String.join("\n", failures));
    }
}
