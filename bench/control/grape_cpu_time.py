"""CPU time of qtrl's GRAPE for the CNOT of `lindblad bench` (grape-cnot): the process's CPU time
per optimisation (time.process_time), which the load of a shared machine changes far less than
the wall time. Usage: /usr/bin/python3 bench/control/grape_cpu_time.py 100 400
(QuTiP 4.7; numpy's BLAS threads play no part at 4x4.) See GrapeCpuTime.java for Lindblad's side."""
import statistics
import sys
import time

import numpy as np
import qutip
from qutip.control.pulseoptim import create_pulse_optimizer


def main(sizes):
    X, Y, Z, I = qutip.sigmax(), qutip.sigmay(), qutip.sigmaz(), qutip.qeye(2)
    hd = 0.5 * (qutip.tensor(X, X) + qutip.tensor(Y, Y) + qutip.tensor(Z, Z))
    hc = [qutip.tensor(X, I), qutip.tensor(Y, I), qutip.tensor(I, X), qutip.tensor(I, Y)]
    cnot = qutip.Qobj(np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=complex),
                      dims=[[2, 2], [2, 2]])
    for n in sizes:
        k = np.arange(n)[:, None]
        j = np.arange(4)[None, :]
        amps = np.sin(0.37 * k + 1.1 * j + 0.3)
        times = []
        for _ in range(10):
            c0 = time.process_time()
            optim = create_pulse_optimizer(hd, hc, qutip.tensor(I, I), cnot, tau=np.full(n, 6.0 / n),
                                           amp_lbound=-5, amp_ubound=5, fid_err_targ=1e-10, min_grad=1e-20,
                                           max_iter=500, max_wall_time=3600, dyn_type="UNIT",
                                           fid_params={"phase_option": "PSU"}, method_params={"accuracy_factor": 1e3})
            optim.dynamics.init_timeslots()
            optim.dynamics.initialize_controls(amps)
            r = optim.run_optimization()
            times.append(time.process_time() - c0)
        print("qutip grape-cnot %d: median CPU %.4f s over the last 5 of 10 runs; fid_err %.2e, %d iterations, "
              "%d evaluations" % (n, statistics.median(times[5:]), r.fid_err, r.num_iter, r.num_fid_func_calls))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 400])
