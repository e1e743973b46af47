"""Reference values for Bloch-Redfield with a time-dependent Hamiltonian (issue #20; core
BrSolverTimeDependentHTest).

QuTiP 5.3.1 only (QuTiP 4.7's brmesolve takes a constant H):
    /work/qutip5-venv/bin/python reference/make_brtdh.py
Writes reference/brtdh.txt in the format of reference/README.md. The Java side rebuilds every
system from the parameters written here. Each case records qutip_version.

QuTiP 5's brmesolve with a QobjEvo H builds, at each time t, the Bloch-Redfield tensor in the
eigenbasis of H(t) (secular cutoff relative to the smallest gap of H(t)) and integrates in the
basis H was given in (fock_basis=True).
"""
import numpy as np
import qutip
from qutip import QobjEvo, sigmax, sigmay, sigmaz, basis

from make_correlation import Writer, check

assert qutip.__version__.startswith("5"), "make_brtdh.py needs QuTiP 5 (time-dependent H in brmesolve)"
qutip.settings.core["auto_tidyup"] = False

OPTS = {"atol": 1e-11, "rtol": 1e-9, "nsteps": 1000000}


def ohmic(eta, wc):
    return lambda w: eta * w * np.exp(-w / wc) if w > 0 else 0.0


def driven(w):
    """H = w0/2 sz + A cos(W t) sx: the eigenbasis of H(t) rotates with the drive."""
    w0, amp, drive = 1.0, 0.2, 0.9
    h = [0.5 * w0 * sigmaz(), [amp * sigmax(), lambda t: np.cos(drive * t)]]
    a_ops = [(sigmax(), ohmic(0.05, 5.0)), (sigmaz(), lambda w: 0.01)]
    psi0 = basis(2, 0)
    tlist = np.linspace(0, 30, 61)
    w.case("brtdh_driven", "qubit H = 0.5 w0 sz + A cos(W t) sx (w0 = 1, A = 0.2, W = 0.9); a_ops sx with Ohmic "
           "S = 0.05 w exp(-w/5) (w > 0, else 0) and sz with flat S = 0.01; psi0 = |0> (basis(2,0)); e_ops sx, sy, "
           "sz at sec_cutoff 0.1, and sx_nosec, sy_nosec, sz_nosec at -1; atol 1e-11 rtol 1e-9")
    for k, v in [("w0", w0), ("A", amp), ("W", drive)]:
        w.real(k, v)
    w.real("tlist", tlist)
    for suffix, cut in [("", 0.1), ("_nosec", -1)]:
        res = qutip.brmesolve(h, psi0, tlist, a_ops=a_ops, sec_cutoff=cut,
                              e_ops=[sigmax(), sigmay(), sigmaz()], options=OPTS)
        for k, lab in enumerate(["sx", "sy", "sz"]):
            w.real(lab + suffix, np.real(res.expect[k]))


def jc_detuning(w):
    """Jaynes-Cummings with a modulated atomic frequency, a switched-on cavity coupling and a c_op."""
    n, wc, wa, g, delta, nu = 4, 1.0, 1.0, 0.05, 0.1, 0.3
    a = qutip.tensor(qutip.destroy(n), qutip.qeye(2))
    sm = qutip.tensor(qutip.qeye(n), qutip.destroy(2))
    h0 = wc * a.dag() * a + wa * sm.dag() * sm + g * (a.dag() * sm + a * sm.dag())
    h = [h0, [sm.dag() * sm, lambda t: delta * np.sin(nu * t)]]
    psi0 = qutip.tensor(qutip.basis(n, 1), qutip.basis(2, 0))
    tlist = np.linspace(0, 40, 21)
    a_ops = [(QobjEvo([[a + a.dag(), lambda t: 1 - np.exp(-t / 5)]]), ohmic(0.02, 3.0)),
             (sm + sm.dag(), lambda w: 0.01 * (w > 0))]
    c_ops = [np.sqrt(0.004) * a]
    w.case("brtdh_jc", "Jaynes-Cummings N = 4, H = wc a^dag a + wa sm^dag sm + g (a^dag sm + a sm^dag) + delta "
           "sin(nu t) sm^dag sm (wc = wa = 1, g = 0.05, delta = 0.1, nu = 0.3), psi0 = |1>|g> (basis(2,0)); a_ops "
           "QobjEvo([[a + a^dag, 1 - exp(-t/5)]]) with Ohmic S = 0.02 w exp(-w/3) (w > 0), constant sm + sm^dag with "
           "S = 0.01 (w > 0); c_ops sqrt(0.004) a; e_ops n_a, n_sm; na/nsm at sec_cutoff 0.1, na_nosec/nsm_nosec "
           "at -1; atol 1e-11 rtol 1e-9")
    for k, v in [("N", float(n)), ("wc", wc), ("wa", wa), ("g", g), ("delta", delta), ("nu", nu)]:
        w.real(k, v)
    w.real("tlist", tlist)
    for suffix, cut in [("", 0.1), ("_nosec", -1)]:
        res = qutip.brmesolve(h, psi0, tlist, a_ops=a_ops, sec_cutoff=cut, c_ops=c_ops,
                              e_ops=[a.dag() * a, sm.dag() * sm], options=OPTS)
        w.real("na" + suffix, np.real(res.expect[0]))
        w.real("nsm" + suffix, np.real(res.expect[1]))


def swept_qubit(w):
    """H = w(t)/2 sz (constant eigenbasis), a_op sx: the golden-rule rate equations with rates S(+-w(t))."""
    gamma, temp = 0.1, 0.5

    def omega(t):
        return 1.0 + 0.5 * np.sin(0.3 * t)

    def spec(w):   # QuTiP takes a callable whose one parameter is named w as a spectrum S(w)
        if w == 0:
            return 0.0
        s = gamma * abs(w) * np.exp(-abs(w) / 5)
        return s / (1 - np.exp(-w / temp)) if w > 0 else s / (np.exp(-w / temp) - 1)

    h = QobjEvo([[0.5 * sigmaz(), omega]])
    psi0 = (basis(2, 0) + basis(2, 1)).unit()
    tlist = np.linspace(0, 20, 41)
    res = qutip.brmesolve(h, psi0, tlist, a_ops=[(sigmax(), spec)], e_ops=[sigmax(), sigmay(), sigmaz()],
                          options=OPTS)
    # the same equation as a Lindblad one with time-dependent rates S(w(t)) (down) and S(-w(t)) (up)
    me = qutip.mesolve(h, psi0, tlist, c_ops=[QobjEvo([[qutip.sigmam(), lambda t: np.sqrt(spec(omega(t)))]]),
                                              QobjEvo([[qutip.sigmap(), lambda t: np.sqrt(spec(-omega(t)))]])],
                       e_ops=[sigmax(), sigmay(), sigmaz()], options=OPTS)
    for k in range(3):
        check(res.expect[k], me.expect[k], 1e-6, "swept: brmesolve vs mesolve with S(+-w(t))")
    w.case("brtdh_swept", "qubit H = w(t)/2 sz, w(t) = 1 + 0.5 sin(0.3 t); a_op sx with thermal Ohmic S(w) = "
           "gamma |w| exp(-|w|/5) / (1 - exp(-w/T)) for w > 0, gamma |w| exp(-|w|/5) / (exp(-w/T) - 1) for w < 0, "
           "0 at w = 0 (gamma = 0.1, T = 0.5); psi0 = unit(|0> + |1>); e_ops sx, sy, sz; sec_cutoff 0.1; "
           "cross-checked against mesolve with c_ops sqrt(S(w(t))) sm, sqrt(S(-w(t))) sp")
    w.real("gamma", gamma)
    w.real("T", temp)
    w.real("tlist", tlist)
    for k, lab in enumerate(["sx", "sy", "sz"]):
        w.real(lab, np.real(res.expect[k]))


if __name__ == "__main__":
    w = Writer("brtdh", "Bloch-Redfield with a time-dependent Hamiltonian (QuTiP 5.3.1; issue #20)")
    w.lines[1] = "# Generated by reference/make_brtdh.py -- do not edit by hand."
    driven(w)
    jc_detuning(w)
    swept_qubit(w)
    w.save()
    print("wrote", w.path)
