"""Reference values for time-dependent Bloch-Redfield couplings (issue #20; core BlochRedfieldTimeTest).

QuTiP 5.3.1 only (QuTiP 4.7's brmesolve has no QobjEvo a_ops):
    /work/qutip5-venv/bin/python reference/make_brtd.py
Writes reference/brtd.txt in the format of reference/README.md. The Java side rebuilds every
system from the parameters written here. Each case records qutip_version.
"""
import numpy as np
import qutip
from qutip import QobjEvo, sigmax, sigmay, sigmaz, basis

from make_correlation import Writer, check

assert qutip.__version__.startswith("5"), "make_brtd.py needs QuTiP 5 (a_ops as QobjEvo)"
qutip.settings.core["auto_tidyup"] = False

OPTS = {"atol": 1e-10, "rtol": 1e-8, "nsteps": 100000}


def ohmic(eta, wc):
    return lambda w: eta * w * np.exp(-w / wc) if w > 0 else 0.0


def switch(w):
    """f(t) = tanh(t/tau) switches sx on: P_e(t) = exp(-gamma (t - tau tanh(t/tau)))."""
    w0, gamma, tau = 1.0, 0.2, 2.0
    h = 0.5 * w0 * sigmaz()
    a_op = QobjEvo([[sigmax(), lambda t: np.tanh(t / tau)]])
    psi0 = (basis(2, 0) + basis(2, 1)).unit()
    tlist = np.linspace(0, 15, 31)
    res = qutip.brmesolve(h, psi0, tlist, a_ops=[(a_op, lambda w: gamma * (w > 0))],
                          e_ops=[sigmax(), sigmay(), sigmaz()], options=OPTS)
    integral = tlist - tau * np.tanh(tlist / tau)
    pe = 0.5 * np.exp(-gamma * integral)
    check(0.5 * (1 + np.real(res.expect[2])), pe, 1e-7, "switch: P_e closed form")
    coh = 0.5 * np.exp(-0.5 * gamma * integral)      # |rho_01|
    check(0.5 * np.abs(res.expect[0] + 1j * res.expect[1]), coh, 1e-7, "switch: coherence closed form")
    w.case("brtd_switch", "qubit H = 0.5 w0 sz (w0 = 1), a_op QobjEvo([[sx, tanh(t/tau)]]) (tau = 2) with S(w) = "
           "gamma (w > 0) (gamma = 0.2), psi0 = unit(|0> + |1>); e_ops sx, sy, sz; sec_cutoff 0.1; atol 1e-10 "
           "rtol 1e-8; closed form P_e = 0.5 exp(-gamma (t - tau tanh(t/tau))), |rho_01| = 0.5 exp(-gamma/2 (...))")
    for k, v in [("w0", w0), ("gamma", gamma), ("tau", tau)]:
        w.real(k, v)
    w.real("tlist", tlist)
    for k, lab in enumerate(["sx", "sy", "sz"]):
        w.real(lab, np.real(res.expect[k]))


def tspectrum(w):
    """A constant operator with a spectrum that depends on t: a bath that heats up."""
    w0, gamma = 1.0, 0.15
    h = 0.5 * w0 * sigmaz()
    nth = lambda t: 0.5 * (1 - np.exp(-t / 4))

    def spec(t, w):
        n = nth(t)
        return gamma * ((n + 1) if w > 0 else (n if w < 0 else 0.0))

    psi0 = basis(2, 0)
    tlist = np.linspace(0, 20, 21)
    res = qutip.brmesolve(h, psi0, tlist, a_ops=[(QobjEvo(sigmax()), spec)],
                          e_ops=[sigmaz()], options=OPTS)
    # rate equation dP/dt = -gamma (n+1) P + gamma n (1 - P), solved by a tight ODE
    from scipy.integrate import solve_ivp
    sol = solve_ivp(lambda t, p: -gamma * (nth(t) + 1) * p + gamma * nth(t) * (1 - p), (0, 20), [1.0],
                    t_eval=tlist, rtol=1e-12, atol=1e-13)
    check(0.5 * (1 + np.real(res.expect[0])), sol.y[0], 1e-7, "tspectrum: rate equation")
    w.case("brtd_tspectrum", "qubit H = 0.5 w0 sz (w0 = 1), a_op QobjEvo(sx) with S(t, w) = gamma (n(t) + 1) for "
           "w > 0, gamma n(t) for w < 0, 0 at w = 0, n(t) = 0.5 (1 - exp(-t/4)), gamma = 0.15; psi0 = |0>; e_ops sz")
    w.real("w0", w0)
    w.real("gamma", gamma)
    w.real("tlist", tlist)
    w.real("sz", np.real(res.expect[0]))


def jc(w):
    n, wc, wa, g = 4, 1.0, 1.0, 0.05
    a = qutip.tensor(qutip.destroy(n), qutip.qeye(2))
    sm = qutip.tensor(qutip.qeye(n), qutip.destroy(2))
    h = wc * a.dag() * a + wa * sm.dag() * sm + g * (a.dag() * sm + a * sm.dag())
    psi0 = qutip.tensor(qutip.basis(n, 1), qutip.basis(2, 0))
    tlist = np.linspace(0, 40, 21)
    a_ops = [(QobjEvo([[a + a.dag(), lambda t: 1 - np.exp(-t / 5)]]), ohmic(0.02, 3.0)),
             (sm + sm.dag(), lambda w: 0.01 * (w > 0))]
    w.case("brtd_jc", "Jaynes-Cummings N = 4, wc = wa = 1, g = 0.05, psi0 = |1>|g> (basis(2,0)); a_ops "
           "QobjEvo([[a + a^dag, 1 - exp(-t/5)]]) with Ohmic S = 0.02 w exp(-w/3) (w > 0), and constant sm + sm^dag "
           "with S = 0.01 (w > 0); e_ops n_a, n_sm; na/nsm at sec_cutoff 0.1, na_nosec/nsm_nosec at -1")
    w.real("N", float(n))
    w.real("tlist", tlist)
    for suffix, cut in [("", 0.1), ("_nosec", -1)]:
        res = qutip.brmesolve(h, psi0, tlist, a_ops=a_ops, sec_cutoff=cut,
                              e_ops=[a.dag() * a, sm.dag() * sm], options=OPTS)
        w.real("na" + suffix, np.real(res.expect[0]))
        w.real("nsm" + suffix, np.real(res.expect[1]))


def sum_coupling(w):
    """A coupling A(t) = sz + 0.5 cos(0.3 t) sx: not a scalar multiple of one operator."""
    h = 0.5 * sigmaz() + 0.15 * sigmax()
    a_op = QobjEvo([sigmaz(), [sigmax(), lambda t: 0.5 * np.cos(0.3 * t)]])
    psi0 = (basis(2, 0) + 1j * basis(2, 1)).unit()
    tlist = np.linspace(0, 30, 31)
    res = qutip.brmesolve(h, psi0, tlist, a_ops=[(a_op, ohmic(0.1, 4.0))], sec_cutoff=-1,
                          e_ops=[sigmax(), sigmay(), sigmaz()], options=OPTS)
    w.case("brtd_sum", "qubit H = 0.5 sz + 0.15 sx, a_op QobjEvo([sz, [sx, 0.5 cos(0.3 t)]]) with Ohmic S = 0.1 w "
           "exp(-w/4) (w > 0), no secular approximation, psi0 = unit(|0> + i|1>); e_ops sx, sy, sz")
    w.real("tlist", tlist)
    for k, lab in enumerate(["sx", "sy", "sz"]):
        w.real(lab, np.real(res.expect[k]))


if __name__ == "__main__":
    w = Writer("brtd", "time-dependent Bloch-Redfield couplings (QuTiP 5.3.1; issue #20)")
    w.lines[1] = "# Generated by reference/make_brtd.py -- do not edit by hand."
    switch(w)
    tspectrum(w)
    jc(w)
    sum_coupling(w)
    w.save()
    print("wrote", w.path)
