"""QuTiP 4.7 side of the mcsolve benchmark (docs/benchmarks.md, section "mcsolve").

nho Kerr resonator, N = 50: H = 0.1 a†a + 0.025 a†²a² + 2 (a + a†), c = sqrt(1.2) a, sqrt(0.2) a†,
psi0 = |0>, tlist = linspace(0, 10, 100), e-op a†a; mcsolve with default options
(parallel_map over every core), median wall time of 5 runs after one warm-up run.

Run: /usr/bin/python3 docs/bench/mcsolve_qutip.py [ntraj] [repeats] [num_cpus]
(num_cpus defaults to QuTiP's own default, every core)
"""
import statistics
import sys
import time

import numpy as np
import qutip

ntraj = int(sys.argv[1]) if len(sys.argv) > 1 else 100
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
N = 50
a = qutip.destroy(N)
ad = a.dag()
H = 0.1 * ad * a + 0.025 * ad * ad * a * a + 2 * (a + ad)
c_ops = [np.sqrt(1.2) * a, np.sqrt(0.2) * ad]
psi0 = qutip.basis(N, 0)
tlist = np.linspace(0, 10, 100)
e_ops = [ad * a]

opts = qutip.Options()
if len(sys.argv) > 3:
    opts.num_cpus = int(sys.argv[3])
r = qutip.mcsolve(H, psi0, tlist, c_ops, e_ops, ntraj=ntraj, options=opts, progress_bar=None)   # warm-up
times = []
for _ in range(repeats):
    t0 = time.perf_counter()
    r = qutip.mcsolve(H, psi0, tlist, c_ops, e_ops, ntraj=ntraj, options=opts, progress_bar=None)
    times.append(time.perf_counter() - t0)
print("qutip %s mcsolve ntraj=%d: median %.3f s over %d runs (all: %s); <n>(T) = %.4f; cores used: %s"
      % (qutip.__version__, ntraj, statistics.median(times), repeats, ", ".join("%.3f" % t for t in times),
         r.expect[0][-1], opts.num_cpus))
