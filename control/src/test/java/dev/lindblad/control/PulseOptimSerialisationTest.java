package dev.lindblad.control;

import static dev.lindblad.Lindblad.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.lindblad.parallel.TaskMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * What a cluster map (e.g. {@code SparkTaskMap}) needs from the optimiser: the restarts' task
 * function, its tasks and its results go through Java serialisation, as Spark sends them, and
 * give the same bits as on threads.
 */
class PulseOptimSerialisationTest {

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

    static Object roundTrip(Object o) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
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

    @Test
    void restartsThroughSerialisationEqualThreadsBitForBit() {
        PulseOptions o = PulseOptimTest.tight().withAmpBounds(-5, 5).withSeed(21L).withMaxIter(8).withNumStarts(3);
        OptimResult threads = PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                tensor(PulseOptimTest.I, PulseOptimTest.I), PulseOptimTest.cnot(), 30, 6.0,
                o.withMap(TaskMap.threads(2)));
        CopyingMap copying = new CopyingMap();
        OptimResult shipped = PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                tensor(PulseOptimTest.I, PulseOptimTest.I), PulseOptimTest.cnot(), 30, 6.0, o.withMap(copying));
        assertEquals(1, copying.functionsCopied);
        assertArrayEquals(threads.startFidErrs(), shipped.startFidErrs(), 0.0);
        assertEquals(threads.start(), shipped.start());
        assertEquals(threads.fidErr(), shipped.fidErr(), 0.0);
        for (int k = 0; k < 30; k++) {
            assertArrayEquals(threads.finalAmps()[k], shipped.finalAmps()[k], 0.0);
        }
        assertArrayEquals(threads.evoFullFinal().toArray(), shipped.evoFullFinal().toArray(), 0.0);
    }

    @Test
    void aDeserialisedProblemHasItsOwnEvaluationStateAndTheSameValues() {
        PulseDynamics d = PulseDynamics.unitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                tensor(PulseOptimTest.I, PulseOptimTest.I), PulseOptimTest.cnot(), 8, 6.0, null);
        double[][] amps = new double[8][4];
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 4; j++) {
                amps[k][j] = Math.sin(0.7 * (4 * k + j));
            }
        }
        PulseDynamics copy = (PulseDynamics) roundTrip(d);
        assertNotSame(d, copy);
        assertEquals(d.fidErr(amps), copy.fidErr(amps), 0.0);
        double[][] g = d.fidErrGrad(amps);
        double[][] gc = copy.fidErrGrad(amps);
        for (int k = 0; k < 8; k++) {
            assertArrayEquals(g[k], gc[k], 0.0);
        }
    }
}
