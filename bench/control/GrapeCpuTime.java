// CPU time of GRAPE for the CNOT of `lindblad bench` (grape-cnot), for a machine shared with
// other work: the calling thread's CPU time per optimisation, which the load changes far less
// than the wall time. Run with one kernel thread, next to grape_cpu_time.py (QuTiP 4.7):
//   LINDBLAD_THREADS=1 ./lindblad run bench/control/GrapeCpuTime.java 100 400
//   /usr/bin/python3 bench/control/grape_cpu_time.py 100 400
import dev.lindblad.control.OptimResult;
import dev.lindblad.control.PulseDynamics;
import dev.lindblad.control.PulseOptim;
import dev.lindblad.control.PulseOptions;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

void main(String[] args) throws Exception {
    var bench = Class.forName("dev.lindblad.cli.ControlBench");
    var cnot = bench.getDeclaredMethod("cnot", int.class);
    var start = bench.getDeclaredMethod("start", int.class, int.class);
    cnot.setAccessible(true);
    start.setAccessible(true);
    var cpu = ManagementFactory.getThreadMXBean();
    PulseOptions o = PulseOptions.defaults().withAmpBounds(-5, 5).withFidErrTarg(1e-10).withMinGrad(1e-20)
            .withMaxIter(500).withAccuracyFactor(1e3);
    int[] sizes = args.length == 0 ? new int[] {100, 400} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    // warm-up: every size a few times first, so that the JIT has compiled what every size runs
    for (int n : sizes) {
        for (int i = 0; i < 10; i++) {
            PulseOptim.optimizePulse((PulseDynamics) cnot.invoke(null, n), (double[][]) start.invoke(null, n, 4), o);
        }
    }
    for (int n : sizes) {
        PulseDynamics d = (PulseDynamics) cnot.invoke(null, n);
        double[][] s = (double[][]) start.invoke(null, n, 4);
        int runs = 10;
        double[] t = new double[runs];
        OptimResult r = null;
        for (int i = 0; i < runs; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            r = PulseOptim.optimizePulse(d, s, o);
            t[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        Arrays.sort(t);
        IO.println(String.format("lindblad grape-cnot %d: median CPU %.4f s over %d runs after a warm-up of 10 per size; "
                + "fidErr %.2e, %d iterations, %d evaluations", n, t[runs / 2], runs, r.fidErr(), r.numIter(),
                r.numFidFuncCalls()));
    }
}
