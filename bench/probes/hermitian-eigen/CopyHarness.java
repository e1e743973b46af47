package dev.lindblad.foreign;

import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.util.*;

public class CopyHarness {
    public static void main(String[] args) throws Throwable {
        Linker l = Linker.nativeLinker();
        MethodHandle malloc = l.downcallHandle(l.defaultLookup().find("malloc").get(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        MethodHandle free = l.downcallHandle(l.defaultLookup().find("free").get(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        for (String s : args) {
            int n = Integer.parseInt(s);
            double[] a = EigHarness.randomHermitian(n, 5);
            double[] out = new double[a.length];
            List<Double> ta = new ArrayList<>(), tb = new ArrayList<>(), tc = new ArrayList<>();
            for (int rep = 0; rep < 12; rep++) {
                long t0 = System.nanoTime();
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment seg = arena.allocate(ValueLayout.JAVA_DOUBLE, a.length);
                    MemorySegment.copy(a, 0, seg, ValueLayout.JAVA_DOUBLE, 0, a.length);
                    MemorySegment.copy(seg, ValueLayout.JAVA_DOUBLE, 0, out, 0, a.length);
                }
                long t1 = System.nanoTime();
                MemorySegment p = ((MemorySegment) malloc.invokeExact((long) a.length * 8)).reinterpret((long) a.length * 8);
                MemorySegment.copy(a, 0, p, ValueLayout.JAVA_DOUBLE, 0, a.length);
                MemorySegment.copy(p, ValueLayout.JAVA_DOUBLE, 0, out, 0, a.length);
                free.invokeExact(p);
                long t2 = System.nanoTime();
                boolean finite = true;
                for (double x : a) finite &= Double.isFinite(x);
                long t3 = System.nanoTime();
                if (rep >= 2) { ta.add((t1 - t0) / 1e6); tb.add((t2 - t1) / 1e6); tc.add((t3 - t2) / 1e6); }
                if (!finite) System.out.println("?");
            }
            Collections.sort(ta); Collections.sort(tb); Collections.sort(tc);
            System.out.printf("n=%d copy in+out: arena %.2f ms, malloc %.2f ms; finite scan %.2f ms%n", n, ta.get(5), tb.get(5), tc.get(5));
        }
    }
}
