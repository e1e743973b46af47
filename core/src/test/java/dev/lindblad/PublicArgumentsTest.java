package dev.lindblad;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.solver.McOptions;
import dev.lindblad.solver.SolverOptions;
import dev.lindblad.solver.SteadyStateOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the {@code dev.lindblad} surface names a null argument, and a NaN or
 * infinite number, in its message (issue #14, items 6 and 15). The methods are found by
 * reflection, so a method added later is checked too: each reference parameter in turn gets
 * null (and each list parameter a list holding null), each double, {@code double[]} and
 * {@link Complex} parameter a NaN, while the others get ordinary values. The message must
 * start with the method's name ({@code "op: "}, or {@code "Class.op: "}) and name the parameter
 * ({@code "name is null"}, {@code "name = NaN"}, {@code "name[0] ..."}).
 * Parameter names come from the class files ({@code javac -parameters}, set in the root pom).
 */
class PublicArgumentsTest {

    private static final List<Class<?>> SURFACE = List.of(Qobj.class, QobjEvo.class, States.class, Operators.class,
            Superops.class, Metrics.class, Wigner.class, Dims.class, Complex.class, Lindblad.class, RandomObjects.class,
            Coefficient.class);

    /** Object's methods: equals(null) is false, by contract. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

    /**
     * The façade's solver entry points forward to {@code dev.lindblad.solver}, whose argument
     * checks (and QuTiP's "no collapse operators" for a null list) are the solvers' own and
     * tested there.
     */
    private static final Set<String> SOLVER_ENTRY_POINTS = Set.of("sesolve", "mesolve", "mcsolve", "steadystate",
            "propagator", "parallelMap",
            // issue #20: state0 = null is QuTiP's "start from the steady state", so the null check
            // cannot apply; dev.lindblad.solver.NullArgumentTest and CorrelationsTest check the rest
            "correlation2op1t", "correlation2op2t", "correlation3op1t", "correlation3op2t", "correlation3op",
            "coherenceFunctionG1", "coherenceFunctionG2", "spectrum", "spectrumCorrelationFft", "nmMcsolve",
            "ssesolve", "smesolve");

    /**
     * Parameters documented to accept null: {@code liouvillian(null, cOps)} is dissipation only, as
     * QuTiP's H=None; {@code norm(null)} is QuTiP's default norm ("tr" or "l2").
     */
    private static final Set<String> NULL_ALLOWED = Set.of("liouvillian:h", "norm:kind",
            // issue #20: null c-op and e-op lists mean none, as QuTiP's None (and as mesolve's)
            "brmesolve:eOps", "brmesolve:cOps", "blochRedfieldTensor:cOps", "fmmesolve:cOps", "fmmesolve:eOps",
            "fsesolve:eOps", "blochRedfieldTensorAt:cOps");

    private static final Map<Class<?>, Object> RECEIVERS = Map.of(
            Qobj.class, Operators.qeye(2),
            QobjEvo.class, QobjEvo.of(Operators.qeye(2)),
            Dims.class, Dims.oper(2),
            Complex.class, Complex.ONE);

    private static Object ordinary(Class<?> t) {
        if (t == int.class) {
            return 2;
        }
        if (t == long.class) {
            return 2L;
        }
        if (t == double.class) {
            return 0.5;
        }
        if (t == char.class) {
            return 'x';
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == Qobj.class || t == QobjLike.class) {
            return Operators.qeye(2);
        }
        if (t == QobjEvo.class) {
            return QobjEvo.of(Operators.qeye(2));
        }
        if (t == Complex.class) {
            return Complex.ONE;
        }
        if (t == Dims.class) {
            return Dims.oper(2);
        }
        if (t == List.class) {
            return List.of();
        }
        if (t == double[].class) {
            return new double[] {0.0, 1.0};
        }
        if (t == double[][].class) {
            return new double[][] {{1.0}};
        }
        if (t == int[].class) {
            return new int[] {0};
        }
        if (t == int[][].class) {
            return new int[][] {{0}, {1}};
        }
        if (t == Complex[][].class) {
            return new Complex[][] {{Complex.ONE}};
        }
        if (t == QobjLike[].class) {
            return new QobjLike[] {Operators.qeye(2)};
        }
        if (t == RandomGenerator.class) {
            return RandomObjects.generator(1);
        }
        if (t == DoubleFunction.class) {
            return (DoubleFunction<Qobj>) x -> Operators.qeye(2);
        }
        if (t == Qobj[].class) {
            return new Qobj[] {Operators.qeye(2)};
        }
        if (t == Complex[].class) {
            return new Complex[] {Complex.ONE};
        }
        if (t == Dims[].class) {
            return new Dims[] {Dims.oper(2)};
        }
        if (t == String.class) {
            return "x";
        }
        if (t == Object.class) {
            return "x";
        }
        if (t == Matrix.class) {
            return DenseMatrix.zeros(2, 2);
        }
        if (t == SolverOptions.class) {
            return SolverOptions.defaults();
        }
        if (t == McOptions.class) {
            return McOptions.defaults();
        }
        if (t == SteadyStateOptions.class) {
            return SteadyStateOptions.defaults();
        }
        if (t == TaskMap.class) {
            return TaskMap.serial();
        }
        if (t == DoubleUnaryOperator.class) {
            return (DoubleUnaryOperator) x -> x;
        }
        if (t == Coefficient.class) {
            return (Coefficient) x -> Complex.ONE;
        }
        if (t == Function.class) {
            return Function.identity();
        }
        if (t == dev.lindblad.solver.FloquetBasis.class) {   // issue #20: the floquetTensor façade takes a basis
            return new dev.lindblad.solver.FloquetBasis(Operators.qeye(2), 1.0);
        }
        if (t == java.nio.file.Path.class) {
            // never written: every call here has one null argument, refused before any file is touched
            return java.nio.file.Path.of("target", "public-arguments-never-written.qsave");
        }
        if (t == Class.class) {
            return Object.class;
        }
        throw new AssertionError("no ordinary value for " + t + ": add one to PublicArgumentsTest");
    }

    private static List<Method> publicMethods() {
        List<Method> out = new ArrayList<>();
        for (Class<?> c : SURFACE) {
            for (Method m : c.getDeclaredMethods()) {
                // an abstract method (Coefficient.at) is the user's code, not the library's
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isAbstract(m.getModifiers()) && !m.isSynthetic()
                        && !m.isBridge()
                        && !OBJECT_METHODS.contains(m.getName())
                        && !(c == Lindblad.class && SOLVER_ENTRY_POINTS.contains(m.getName()))) {
                    out.add(m);
                }
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    /** @return the exception the call threw, or null when it returned */
    private static Throwable call(Method m, Object[] args) {
        Object receiver = Modifier.isStatic(m.getModifiers()) ? null : RECEIVERS.get(m.getDeclaringClass());
        try {
            m.invoke(receiver, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + java.util.Arrays.toString(m.getParameters());
    }

    @Test
    void parameterNamesAreInTheClassFiles() {
        Parameter p = publicMethods().stream().filter(m -> m.getParameterCount() > 0).findFirst().orElseThrow()
                .getParameters()[0];
        assertTrue(p.isNamePresent(), "compile with javac -parameters (root pom) so that names can be checked");
    }

    @Test
    void everyNullArgumentIsNamed() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Method m : publicMethods()) {
            Parameter[] ps = m.getParameters();
            for (int p = 0; p < ps.length; p++) {
                Class<?> t = ps[p].getType();
                if (t.isPrimitive()) {
                    continue;
                }
                String name = ps[p].getName();
                if (NULL_ALLOWED.contains(m.getName() + ":" + name)) {
                    continue;
                }
                Object[] args = new Object[ps.length];
                for (int q = 0; q < ps.length; q++) {
                    args[q] = q == p ? null : ordinary(ps[q].getType());
                }
                checked++;
                expectNamed(m, args, name + " is null", NullPointerException.class, bad);
                if (t == List.class) {
                    args[p] = Collections.singletonList(null);
                    expectNamed(m, args, name + "[0] is null", NullPointerException.class, bad);
                } else if (t.isArray() && !t.getComponentType().isPrimitive()) {
                    Object arr = java.lang.reflect.Array.newInstance(t.getComponentType(), 1);
                    args[p] = arr;
                    expectNamed(m, args, name + "[0] is null", NullPointerException.class, bad);
                }
            }
        }
        assertTrue(checked > 150, "only " + checked + " reference parameters found");
        if (!bad.isEmpty()) {
            fail(bad.size() + " calls do not name their null argument:\n" + String.join("\n", bad));
        }
    }

    @Test
    void everyNonFiniteNumberIsNamed() {
        List<String> bad = new ArrayList<>();
        for (Method m : publicMethods()) {
            if (m.getDeclaringClass() == Complex.class) {
                continue;   // a complex number may hold any double, as a double does
            }
            Parameter[] ps = m.getParameters();
            for (int p = 0; p < ps.length; p++) {
                Class<?> t = ps[p].getType();
                Object nan;
                String expected;
                if (t == double.class) {
                    nan = Double.NaN;
                    expected = ps[p].getName() + " = NaN";
                } else if (t == Complex.class) {
                    nan = Complex.of(0, Double.POSITIVE_INFINITY);
                    expected = ps[p].getName() + " = ";
                } else if (t == double[].class) {
                    nan = new double[] {0.0, Double.NaN};
                    expected = ps[p].getName() + "[1] = NaN";
                } else {
                    continue;
                }
                Object[] args = new Object[ps.length];
                for (int q = 0; q < ps.length; q++) {
                    args[q] = q == p ? nan : ordinary(ps[q].getType());
                }
                expectNamed(m, args, expected, IllegalArgumentException.class, bad);
            }
        }
        if (!bad.isEmpty()) {
            fail(bad.size() + " calls do not name their non-finite argument:\n" + String.join("\n", bad));
        }
    }

    private static void expectNamed(Method m, Object[] args, String expected, Class<? extends Throwable> type,
                                    List<String> bad) {
        Throwable t = call(m, args);
        String what = describe(m) + " with " + expected.replace(" is null", "") + ": ";
        if (t == null) {
            bad.add(what + "returned normally");
        } else if (!type.isInstance(t) || t.getMessage() == null || !t.getMessage().contains(expected)) {
            bad.add(what + t.getClass().getSimpleName() + ": " + t.getMessage());
        } else {
            // the message starts with the operation the user called: "name: ..." or "Class.name: ..."
            int colon = t.getMessage().indexOf(": ");
            String op = colon < 0 ? "" : t.getMessage().substring(0, colon);
            if (!op.equals(m.getName()) && !op.endsWith("." + m.getName())) {
                bad.add(what + "the message does not start with '" + m.getName() + ": ': " + t.getMessage());
            }
        }
    }
}
