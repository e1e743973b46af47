package dev.lindblad.heom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lindblad.Operators;
import dev.lindblad.Qobj;
import dev.lindblad.States;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a cluster scan (e.g. {@code TaskMap.parallelMap} on a {@code SparkTaskMap}) needs from
 * HEOM: baths and options travel to the executors and results (with their ADOs) come back through
 * Java serialisation unchanged.
 */
class HeomSerialisationTest {

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void bathsOptionsAndResultsTravelUnchanged() throws Exception {
        Qobj h = Operators.sigmax().times(0.5);
        Qobj q = Operators.sigmaz();
        DrudeLorentzBath bath = new DrudeLorentzBath(q, 0.1, 0.5, 0.5, 2, true, "dl");
        HeomOptions options = HeomOptions.defaults().withAdoReturn(true);
        double[] tlist = {0, 0.5, 1.0};
        Qobj rho0 = States.ketToDm(States.basis(2, 0));
        HeomResult direct = Heom.heomsolve(h, List.of(bath), 2, rho0, tlist, List.of(q), options);
        // the bath and options as an executor receives them give the same bits
        HeomResult shipped = Heom.heomsolve(h, List.of(roundTrip(bath)), 2, rho0, tlist, List.of(q),
                roundTrip(options));
        assertArrayEquals(direct.expect(0), shipped.expect(0), 0.0);
        // the result as the driver receives it: expectations, states and ADOs looked up by label
        HeomResult back = roundTrip(shipped);
        assertArrayEquals(direct.expect(0), back.expect(0), 0.0);
        assertArrayEquals(direct.finalState().toArray(), back.finalState().toArray(), 0.0);
        HierarchyAdosState last = back.ados(tlist.length - 1);
        HierarchyAdosState ref = direct.ados(tlist.length - 1);
        assertEquals(ref.ados().size(), last.ados().size());
        for (int i = 0; i < ref.ados().size(); i++) {
            int[] label = ref.ados().label(i);
            assertArrayEquals(ref.extract(label).toArray(), last.extract(label).toArray(), 0.0);
        }
        assertEquals(bath.exponents(), roundTrip(bath).exponents());
    }
}
