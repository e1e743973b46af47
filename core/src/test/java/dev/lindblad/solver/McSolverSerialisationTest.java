package dev.lindblad.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Operators;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.States;
import dev.lindblad.parallel.TaskMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * What a cluster map needs from core: mcsolve's task function, its tasks and its results go
 * through Java serialisation (as Spark sends them) and give the same bits as threads(2).
 */
class McSolverSerialisationTest {

    /** Sends the function, every task and every result through a real serialisation round trip. */
    static final class CopyingMap implements TaskMap {
        int functionsCopied;

        @Override
        public <T, R> List<R> map(List<T> tasks, Function<? super T, ? extends R> f, IntConsumer progress) {
            @SuppressWarnings("unchecked")
            Function<T, R> copy = (Function<T, R>) roundTrip(f);
            functionsCopied++;
            List<R> out = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                @SuppressWarnings("unchecked")
                T task = (T) roundTrip(tasks.get(i));
                @SuppressWarnings("unchecked")
                R r = (R) roundTrip(copy.apply(task));
                out.add(r);
                progress.accept(i);
            }
            return out;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public boolean distributed() {
            return true;
        }
    }

    static Object roundTrip(Object x) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(x);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static McResult drivenDecay(DoubleUnaryOperator drive, TaskMap map, McOptions base) {
        Qobj a = Operators.destroy(6);
        QobjEvo h = QobjEvo.of(a.dag().times(a)).plus(a.plus(a.dag()).times(0.5), drive);
        QobjEvo c = QobjEvo.of(a.times(Math.sqrt(0.2)), new double[] {0, 1, 2}, new double[] {1, 0.8, 0.9});
        return new McSolver(h, List.of(c), base.withNtraj(24).withSeed(5).withMap(map))
                .run(States.basis(6, 0), new double[] {0, 0.5, 1, 1.5, 2}, List.of(a.dag().times(a)));
    }

    @Test
    void mcsolveThroughSerialisationGivesTheSameBitsAsThreads() {
        DoubleUnaryOperator drive = (DoubleUnaryOperator & Serializable) t -> Math.cos(2 * t);
        CopyingMap copying = new CopyingMap();
        McResult remote = drivenDecay(drive, copying, McOptions.defaults());
        McResult threads = drivenDecay(drive, TaskMap.threads(2), McOptions.defaults());
        assertEquals(1, copying.functionsCopied);
        assertArrayEquals(threads.expect(0), remote.expect(0), 0.0);
        assertArrayEquals(threads.seeds(), remote.seeds());
        assertEquals(threads.collapses(), remote.collapses());
    }

    @Test
    void aTimeoutOnADistributedMapGoesInBatches() {
        DoubleUnaryOperator drive = (DoubleUnaryOperator & Serializable) t -> Math.cos(2 * t);
        CopyingMap copying = new CopyingMap();
        McResult r = drivenDecay(drive, copying, McOptions.defaults().withTimeout(java.time.Duration.ofHours(1)));
        assertEquals(24, r.ntraj());
        assertEquals(2, copying.functionsCopied, "24 trajectories in batches of 16 x parallelism 1");
    }

    @Test
    void qobjAndQobjEvoSurviveSerialisation() {
        Qobj a = Operators.destroy(4);
        Qobj copy = (Qobj) roundTrip(a.dag().times(a));
        assertEquals(a.dag().times(a), copy);
        QobjEvo h = QobjEvo.of(a).plus(a.dag(), (DoubleUnaryOperator & Serializable) t -> 3 * t);
        QobjEvo back = (QobjEvo) roundTrip(h);
        assertEquals(h.at(0.7), back.at(0.7));
    }

    @Test
    void anUnserialisableCoefficientNamesItsClass() {
        DoubleUnaryOperator plain = t -> Math.cos(2 * t);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> drivenDecay(plain, new CopyingMap(), McOptions.defaults()));
        assertTrue(e.getCause() instanceof NotSerializableException, e.toString());
        assertTrue(e.getCause().getMessage().contains("McSolverSerialisationTest$$Lambda"), e.getCause().getMessage());
    }
}
