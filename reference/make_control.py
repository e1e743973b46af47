#!/usr/bin/python3
"""Reference values for Lindblad's optimal control (module control) from QuTiP 4.7's qtrl.

Run from anywhere as

    /usr/bin/python3 reference/make_control.py

It writes reference/control.txt in the format of reference/README.md (with the Writer of
make_reference.py). Every input is deterministic (explicit formulas, no random numbers), and
the amplitudes are written into the file too. The cases:

- the fidelity error, its gradient and the full evolution of a fixed pulse for the CNOT
  problem of the benchmark (drift 0.5 (XX + YY + ZZ), controls X1, Y1, X2, Y2), with the
  phase options PSU and SU (qtrl's DynamicsUnitary, PropCompDiag, FidCompUnitary);
- the same for an open qubit under dephasing (Liouvillians, qtrl's DynamicsGenMat with its
  default PropCompFrechet and FidCompTraceDiff), target the Hadamard channel;
- qtrl's initial pulse shapes LIN, SINE, SQUARE, SAW, TRIANGLE, ZERO with scaling, offset and
  bounds;
- a CRAB Fourier pulse for given frequencies and coefficients, with bounds and a guess pulse;
- non-uniform slice durations (qtrl's tau array, tau_k = 0.15 + 0.02 k): the CNOT (PSU) and the
  open qubit's fidelity error, gradient and evolution, and the GAUSSIAN, GAUSSIAN_EDGE, SINE
  and LIN shapes at those slices' start times;
- per-control bounds (qtrl's lists for amp_lbound / amp_ubound): a few L-BFGS-B iterations of the
  CNOT from a fixed start (2 iterations, and to the goal) with bounds [-1, -0.5, -2, -0.3] / [0.8, 1.5, 0.4, 2], with
  non-uniform tau (qtrl's create_pulse_optimizer, initialize_controls, run_optimization).

qtrl keeps the slice durations as float32 when it computes them from num_tslots and evo_time
(np.ones(n, dtype='f') * evo_time / n); here tau is passed as a float64 array instead, so that
the numbers are those of exact durations evo_time / n, as Lindblad uses.
"""

import os
import sys

import numpy as np
import scipy.linalg
import qutip
from qutip import Qobj, liouvillian, qeye, sigmax, sigmay, sigmaz, sprepost, tensor
from qutip.control import pulsegen
from qutip.control.pulseoptim import create_pulse_optimizer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_reference import Writer  # noqa: E402

qutip.settings.auto_tidyup = False


def fixed_amps(n_ts, n_ctrls, scale):
    """u_kj = scale * sin(0.37 k + 1.1 j + 0.3): smooth, no zeros, different per control."""
    k = np.arange(n_ts)[:, None]
    j = np.arange(n_ctrls)[None, :]
    return scale * np.sin(0.37 * k + 1.1 * j + 0.3)


def evaluate(drift, ctrls, initial, target, n_ts, evo_time, amps, tau=None, **kw):
    if tau is None:
        tau = np.full(n_ts, evo_time / n_ts, dtype=float)
    optim = create_pulse_optimizer(drift, ctrls, initial, target, tau=tau, gen_stats=False, **kw)
    dyn = optim.dynamics
    dyn.init_timeslots()
    dyn.initialize_controls(amps)
    err = dyn.fid_computer.get_fid_err()
    grad = dyn.fid_computer.get_fid_err_gradient()
    evo = dyn.full_evo
    evo = evo.full() if isinstance(evo, Qobj) else np.asarray(evo)
    return err, grad, evo, dyn


def cnot_cases(w):
    X, Y, Z, I = sigmax(), sigmay(), sigmaz(), qeye(2)
    hd = 0.5 * (tensor(X, X) + tensor(Y, Y) + tensor(Z, Z))
    hc = [tensor(X, I), tensor(Y, I), tensor(I, X), tensor(I, Y)]
    u0 = tensor(I, I)
    cnot = Qobj(np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=complex),
                dims=[[2, 2], [2, 2]])
    n_ts, evo_time = 20, 6.0
    amps = fixed_amps(n_ts, 4, 1.7)
    for phase in ("PSU", "SU"):
        err, grad, evo, dyn = evaluate(hd, hc, u0, cnot, n_ts, evo_time, amps, dyn_type="UNIT",
                                       fid_params={"phase_option": phase})
        w.case("cnot_fixed_%s" % phase.lower(),
               "CNOT problem, fixed pulse u_kj = 1.7 sin(0.37 k + 1.1 j + 0.3), %d slices, T = %g, "
               "phase option %s: fidelity error, gradient [nTs x nCtrls], full evolution" % (n_ts, evo_time, phase))
        w.ints("n_ts", [n_ts])
        w.real("evo_time", evo_time)
        w.real("amps", amps)
        w.real("fid_err", err)
        w.real("grad", grad)
        w.complex("evo_full", evo)
        # an independent check of qtrl's evolution: the product of expm(-i H_k tau)
        u = u0.full()
        for k in range(n_ts):
            h = hd.full() + sum(amps[k, j] * hc[j].full() for j in range(4))
            u = scipy.linalg.expm(-1j * h * (evo_time / n_ts)) @ u
        if np.max(np.abs(u - evo)) > 1e-12:
            raise SystemExit("qtrl's evolution disagrees with the product of exponentials")


def open_case(w):
    gamma = 0.1
    drift = liouvillian(0.5 * sigmaz(), [np.sqrt(gamma) * sigmaz()])
    ctrls = [liouvillian(sigmax()), liouvillian(sigmay())]
    s = 1 / np.sqrt(2)
    had = Qobj(np.array([[s, s], [s, -s]], dtype=complex))
    target = sprepost(had, had.dag())
    initial = sprepost(qeye(2), qeye(2))
    n_ts, evo_time = 12, 2.0
    amps = fixed_amps(n_ts, 2, 0.9)
    err, grad, evo, dyn = evaluate(drift, ctrls, initial, target, n_ts, evo_time, amps)
    w.case("open_dephasing_fixed",
           "qubit, drift liouvillian(0.5 sz, [sqrt(0.1) sz]), controls liouvillian(sx), liouvillian(sy), "
           "initial identity superoperator, target the Hadamard channel sprepost(H, H.dag()), "
           "fixed pulse u_kj = 0.9 sin(0.37 k + 1.1 j + 0.3), 12 slices, T = 2: TRACEDIFF "
           "fidelity error (scale 1/(2*4)), gradient, full evolution (qtrl GEN_MAT, Frechet)")
    w.ints("n_ts", [n_ts])
    w.real("evo_time", evo_time)
    w.real("gamma", gamma)
    w.real("amps", amps)
    w.real("fid_err", err)
    w.real("grad", grad)
    w.complex("evo_full", evo)
    w.real("scale_factor", dyn.fid_computer.scale_factor)


def pulse_cases(w):
    n_ts, evo_time = 20, 3.7
    tau = np.full(n_ts, evo_time / n_ts, dtype=float)
    for kind in ("LIN", "SINE", "SQUARE", "SAW", "TRIANGLE", "ZERO"):
        for bounds in ((None, None), (-0.5, 1.0), (None, 0.4), (0.3, None)):
            pg = pulsegen.create_pulse_gen(kind)
            pg.num_tslots = n_ts
            pg.pulse_time = evo_time
            pg.tau = tau
            pg.scaling = 1.3
            pg.offset = 0.2
            pg.lbound, pg.ubound = bounds
            p = pg.gen_pulse()
            name = "pulse_%s_%s_%s" % (kind.lower(), "none" if bounds[0] is None else "lb",
                                       "none" if bounds[1] is None else "ub")
            w.case(name, "qtrl pulse generator %s, 20 slices, T = 3.7, scaling 1.3, offset 0.2, "
                   "bounds lb %s ub %s" % (kind, bounds[0], bounds[1]))
            w.text("type", kind)
            w.ints("n_ts", [n_ts])
            w.real("evo_time", evo_time)
            if bounds[0] is not None:
                w.real("lbound", bounds[0])
            if bounds[1] is not None:
                w.real("ubound", bounds[1])
            w.real("pulse", p)


def crab_case(w):
    n_ts, evo_time = 25, 4.0
    tau = np.full(n_ts, evo_time / n_ts, dtype=float)
    for name, lb, ub, guess in (("crab_unbounded", None, None, False), ("crab_bounded", -0.7, 1.2, False),
                                ("crab_upper_guess", None, 0.8, True)):
        pg = pulsegen.PulseGenCrabFourier(num_coeffs=3)
        pg.num_tslots = n_ts
        pg.pulse_time = evo_time
        pg.tau = tau
        pg.scaling = 1.0
        pg.lbound, pg.ubound = lb, ub
        if guess:
            g = pulsegen.create_pulse_gen("SINE")
            g.num_tslots, g.pulse_time, g.tau = n_ts, evo_time, tau
            pg.guess_pulse = g.gen_pulse()
        pg.init_pulse()
        pg.freqs = 2 * np.pi / evo_time * np.arange(1, 4) + np.array([0.11, -0.23, 0.37])
        pg.coeffs = np.array([[0.5, -0.3], [0.2, 0.4], [-0.6, 0.1]])
        p = pg.gen_pulse()
        w.case(name, "qtrl PulseGenCrabFourier, 3 coefficients, 25 slices, T = 4, given frequencies and "
               "coefficients [[a_i, b_i]] (u = sum a_i sin(w_i t) + b_i cos(w_i t)), bounds lb %s ub %s%s"
               % (lb, ub, ", modulating a SINE guess pulse" if guess else ""))
        w.ints("n_ts", [n_ts])
        w.real("evo_time", evo_time)
        w.real("freqs", pg.freqs)
        w.real("coeffs", pg.coeffs.ravel())
        if lb is not None:
            w.real("lbound", lb)
        if ub is not None:
            w.real("ubound", ub)
        if guess:
            w.real("guess", pg.guess_pulse)
        w.real("pulse", p)


def nonuniform_tau(n_ts):
    return 0.15 + 0.02 * np.arange(n_ts, dtype=float)


def cnot_problem():
    X, Y, Z, I = sigmax(), sigmay(), sigmaz(), qeye(2)
    hd = 0.5 * (tensor(X, X) + tensor(Y, Y) + tensor(Z, Z))
    hc = [tensor(X, I), tensor(Y, I), tensor(I, X), tensor(I, Y)]
    cnot = Qobj(np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=complex),
                dims=[[2, 2], [2, 2]])
    return hd, hc, tensor(I, I), cnot


def tau_cases(w):
    hd, hc, u0, cnot = cnot_problem()
    n_ts = 20
    tau = nonuniform_tau(n_ts)
    amps = fixed_amps(n_ts, 4, 1.7)
    err, grad, evo, dyn = evaluate(hd, hc, u0, cnot, n_ts, None, amps, tau=tau, dyn_type="UNIT",
                                   fid_params={"phase_option": "PSU"})
    w.case("cnot_tau_psu", "CNOT problem, fixed pulse u_kj = 1.7 sin(0.37 k + 1.1 j + 0.3), 20 slices of "
           "durations tau_k = 0.15 + 0.02 k (qtrl's tau array), PSU: fidelity error, gradient, full evolution")
    w.real("tau", tau)
    w.real("amps", amps)
    w.real("fid_err", err)
    w.real("grad", grad)
    w.complex("evo_full", evo)
    u = u0.full()
    for k in range(n_ts):
        h = hd.full() + sum(amps[k, j] * hc[j].full() for j in range(4))
        u = scipy.linalg.expm(-1j * h * tau[k]) @ u
    if np.max(np.abs(u - evo)) > 1e-12:
        raise SystemExit("qtrl's evolution with tau disagrees with the product of exponentials")

    gamma = 0.1
    drift = liouvillian(0.5 * sigmaz(), [np.sqrt(gamma) * sigmaz()])
    ctrls = [liouvillian(sigmax()), liouvillian(sigmay())]
    s = 1 / np.sqrt(2)
    had = Qobj(np.array([[s, s], [s, -s]], dtype=complex))
    n_ts = 12
    tau = nonuniform_tau(n_ts)
    amps = fixed_amps(n_ts, 2, 0.9)
    err, grad, evo, dyn = evaluate(drift, ctrls, sprepost(qeye(2), qeye(2)), sprepost(had, had.dag()), n_ts, None,
                                   amps, tau=tau)
    w.case("open_dephasing_tau", "the open qubit of open_dephasing_fixed (gamma 0.1) with 12 slices of durations "
           "tau_k = 0.15 + 0.02 k: TRACEDIFF fidelity error, gradient, full evolution")
    w.real("gamma", gamma)
    w.real("tau", tau)
    w.real("amps", amps)
    w.real("fid_err", err)
    w.real("grad", grad)
    w.complex("evo_full", evo)

    for kind in ("GAUSSIAN", "GAUSSIAN_EDGE", "SINE", "LIN"):
        for t in ("uniform", "tau"):
            n_ts = 20
            tt = np.full(n_ts, 3.7 / n_ts, dtype=float) if t == "uniform" else nonuniform_tau(n_ts)
            pg = pulsegen.create_pulse_gen(kind)
            pg.num_tslots = n_ts
            pg.pulse_time = float(np.sum(tt))
            pg.tau = tt
            total = float(np.sum(tt))
            # qtrl's defaults for a pulse time T (a generator made without dynamics takes T = 1)
            if kind == "GAUSSIAN":
                pg.mean, pg.variance = 0.5 * total, 0.5 * total
            if kind == "GAUSSIAN_EDGE":
                pg.decay_time = total / 10.0
            pg.scaling = 1.3
            pg.offset = 0.2
            p = pg.gen_pulse()
            w.case("shape_%s_%s" % (kind.lower(), t), "qtrl pulse generator %s (default parameters), 20 slices %s, "
                   "scaling 1.3, offset 0.2, no bounds" % (kind, "of 3.7/20" if t == "uniform"
                                                             else "tau_k = 0.15 + 0.02 k"))
            w.text("type", kind)
            w.real("tau", tt)
            w.real("pulse", p)


def bounds_case(w):
    hd, hc, u0, cnot = cnot_problem()
    n_ts = 20
    tau = nonuniform_tau(n_ts)
    lb = [-1.0, -0.5, -2.0, -0.3]
    ub = [0.8, 1.5, 0.4, 2.0]
    amps = fixed_amps(n_ts, 4, 1.7)
    amps = np.minimum(np.maximum(amps, np.array(lb)[None, :]), np.array(ub)[None, :])
    for iters in (2, 200):
        optim = create_pulse_optimizer(hd, hc, u0, cnot, tau=tau, amp_lbound=lb, amp_ubound=ub, max_iter=iters,
                                       fid_err_targ=1e-10, min_grad=1e-10, dyn_type="UNIT", gen_stats=False,
                                       fid_params={"phase_option": "PSU"})
        dyn = optim.dynamics
        dyn.init_timeslots()
        dyn.initialize_controls(amps)
        r = optim.run_optimization()
        w.case("cnot_bounds_tau_iter%d" % iters,
               "CNOT problem, 20 slices tau_k = 0.15 + 0.02 k, per-control bounds lb %s ub %s, start the fixed pulse "
               "1.7 sin(0.37 k + 1.1 j + 0.3) clipped to the bounds, qtrl GRAPE L-BFGS-B (PSU) with max_iter %d: "
               "final error, iterations, final amplitudes" % (lb, ub, iters))
        w.real("tau", tau)
        w.real("lbound", lb)
        w.real("ubound", ub)
        w.ints("max_iter", [iters])
        w.real("amps", amps)
        w.real("fid_err", r.fid_err)
        w.ints("num_iter", [r.num_iter])
        w.text("termination_reason", r.termination_reason)
        w.real("final_amps", r.final_amps)


def main():
    w = Writer("control", "optimal control (qtrl): fidelities, gradients, pulse shapes")
    w.comment("Slice durations are exact (float64 evo_time / n_ts), not qtrl's float32; see make_control.py.")
    cnot_cases(w)
    open_case(w)
    pulse_cases(w)
    crab_case(w)
    tau_cases(w)
    bounds_case(w)
    w.save()


if __name__ == "__main__":
    main()
