"""Reference values for Bloch-Redfield and Floquet (issue #20; core BlochRedfieldTest, FloquetTest).

Runs under QuTiP 4.7 and QuTiP 5.3.1:
    /usr/bin/python3 reference/make_brfloquet.py                  -> reference/brfloquet.txt
    /work/qutip5-venv/bin/python reference/make_brfloquet.py      -> reference/brfloquet5.txt
in the format of reference/README.md (the writer of make_reference.py). The same systems; the
calls differ where the API does (a_ops tuples, sec_cutoff=-1 for no secular approximation,
bloch_redfield_tensor(fock_basis=True), FloquetBasis, keyword e_ops).
The Java side rebuilds every system from the parameters written here.
"""
import numpy as np
import qutip

from make_reference import Writer, check_close

V5 = qutip.__version__.startswith("5")
if V5:
    qutip.settings.core["auto_tidyup"] = False
else:
    qutip.settings.auto_tidyup = False

TOL = dict(atol=1e-10, rtol=1e-8, nsteps=100000)


def opts():
    return dict(TOL) if V5 else qutip.Options(**TOL)


def ohmic(eta, wc):
    """Zero-temperature Ohmic spectrum S(w) = eta w exp(-w/wc) for w > 0, else 0."""
    return lambda w: eta * w * np.exp(-w / wc) if w > 0 else 0.0


def flat(g):
    return lambda w: g


def fock_tensor(r, ekets):
    """The eigenbasis tensor R of bloch_redfield_tensor turned into the lab basis: S R S^-1."""
    v = np.hstack([k.full() for k in ekets])
    s = np.kron(v.conj(), v)           # vec(V X V^dag) = (conj(V) kron V) vec(X), column stacking
    return s @ r.full() @ s.conj().T


def qubit(w):
    w0, dx = 1.0, 0.3
    h = 0.5 * w0 * qutip.sigmaz() + 0.5 * dx * qutip.sigmax()
    a_ops = [[qutip.sigmax(), ohmic(0.05, 5.0)], [qutip.sigmaz(), flat(0.01)]]
    psi0 = (qutip.basis(2, 0) + (0.6 + 0.8j) * qutip.basis(2, 1)).unit()
    tlist = np.linspace(0, 30, 31)
    e_ops = [qutip.sigmax(), qutip.sigmay(), qutip.sigmaz()]
    for name, cut, c_ops in [("br_qubit", 0.1, []), ("br_qubit_nosec", -1, []),
                             ("br_qubit_cops", 0.1, [np.sqrt(0.02) * qutip.sigmam()])]:
        use_sec = cut >= 0
        if V5:
            res = qutip.brmesolve(h, psi0, tlist, a_ops=[tuple(x) for x in a_ops], sec_cutoff=cut, e_ops=e_ops,
                                  c_ops=c_ops, options=opts())
        else:
            res = qutip.brmesolve(h, psi0, tlist, a_ops=a_ops, e_ops=e_ops, c_ops=c_ops, use_secular=use_sec,
                                  sec_cutoff=max(cut, 0.1), options=opts())
        w.case(name, "qubit H = 0.5 w0 sz + 0.5 dx sx (w0 = 1, dx = 0.3), a_ops sx with Ohmic S = 0.05 w exp(-w/5) "
               "(w > 0) and sz with flat S = 0.01, psi0 = unit(|0> + (0.6+0.8i)|1>), c_ops "
               + ("sqrt(0.02) sm" if c_ops else "none") + ", sec_cutoff " + str(cut)
               + "; e_ops sx, sy, sz; brmesolve atol 1e-10 rtol 1e-8")
        w.real("secCutoff", cut)
        w.real("tlist", tlist)
        for k, lab in enumerate(["sx", "sy", "sz"]):
            w.real(lab, np.real(res.expect[k]))
        w.real("energies", h.eigenenergies())
        if V5:
            r = qutip.bloch_redfield_tensor(h, [tuple(x) for x in a_ops], c_ops=c_ops, sec_cutoff=cut, fock_basis=True)
            w.complex("R_fock", r.full())
        else:
            r, ekets = qutip.bloch_redfield_tensor(h, a_ops, c_ops=c_ops, use_secular=use_sec,
                                                   sec_cutoff=max(cut, 0.1))
            w.complex("R_fock", fock_tensor(r, ekets))


def jc(w, n):
    wc, wa, g = 1.0, 1.0, 0.05
    a = qutip.tensor(qutip.destroy(n), qutip.qeye(2))
    sm = qutip.tensor(qutip.qeye(n), qutip.destroy(2))
    h = wc * a.dag() * a + wa * sm.dag() * sm + g * (a.dag() * sm + a * sm.dag())
    psi0 = qutip.tensor(qutip.basis(n, 1), qutip.basis(2, 0))
    tlist = np.linspace(0, 50, 26)
    a_ops = [[a + a.dag(), ohmic(0.01, 3.0)]]
    if V5:
        a_ops = [tuple(x) for x in a_ops]
    res = qutip.brmesolve(h, psi0, tlist, a_ops=a_ops, e_ops=[a.dag() * a, sm.dag() * sm], options=opts())
    w.case("br_jc_%d" % n, "Jaynes-Cummings wc = wa = 1, g = 0.05, N = %d, psi0 = |1>|g> (basis(2,0)), "
           "a_ops (a + a^dag) with Ohmic S = 0.01 w exp(-w/3) (w > 0); e_ops n_a, n_sm; sec_cutoff 0.1" % n)
    w.ints("N", n)
    w.real("tlist", tlist)
    w.real("na", np.real(res.expect[0]))
    w.real("nsm", np.real(res.expect[1]))


def floquet(w):
    delta, eps0, amp, omega = 0.2 * 2 * np.pi, 0.1 * 2 * np.pi, 0.05 * 2 * np.pi, 1.0 * 2 * np.pi
    T = 2 * np.pi / omega
    h0 = -0.5 * delta * qutip.sigmax() - 0.5 * eps0 * qutip.sigmaz()
    h1 = 0.5 * amp * qutip.sigmax()
    h = [h0, [h1, lambda t, args: np.sin(omega * t)]]
    if V5:
        energies = qutip.FloquetBasis(h, T, options=opts()).e_quasi
    else:
        modes, energies = qutip.floquet_modes(h, T, {}, sort=True, options=opts())
    w.case("floquet_qubit", "driven qubit H = -delta/2 sx - eps0/2 sz + A/2 sin(omega t) sx, delta = 0.2 2pi, "
           "eps0 = 0.1 2pi, A = 0.05 2pi, omega = 2pi (T = 1): quasienergies (floquet_modes, sorted), fsesolve and "
           "fmmesolve (c_op sx, spectrum 0.1 w/(2pi) for w > 0, kmax 5) from psi0 = |0>, e_ops sz, sx")
    w.real("delta", delta)
    w.real("eps0", eps0)
    w.real("A", amp)
    w.real("omega", omega)
    w.real("quasienergies", np.sort(np.array(energies)))
    tlist = np.linspace(0, 5, 26)
    psi0 = qutip.basis(2, 0)
    if V5:
        res = qutip.fsesolve(h, psi0, tlist, T, e_ops=[qutip.sigmaz(), qutip.sigmax()], options=opts())
        ref = qutip.sesolve(h, psi0, tlist, e_ops=[qutip.sigmaz(), qutip.sigmax()], options=opts())
    else:
        res = qutip.fsesolve(h, psi0, tlist, [qutip.sigmaz(), qutip.sigmax()], T, {})
        ref = qutip.sesolve(h, psi0, tlist, [qutip.sigmaz(), qutip.sigmax()], options=opts())
    check_close(np.array(res.expect), np.array(ref.expect), 1e-4, "fsesolve vs sesolve")
    w.real("tlist", tlist)
    w.real("fse_sz", np.real(res.expect[0]))
    w.real("fse_sx", np.real(res.expect[1]))
    gamma1 = 0.1
    spec = lambda wv: gamma1 * wv / (2 * np.pi) * (wv > 0.0)
    tl2 = np.linspace(0, 20, 21)
    if V5:
        # QuTiP 5 returns lab-basis states by default (store_floquet_state False)
        res = qutip.fmmesolve(h, psi0, tl2, [qutip.sigmax()], [spec], T, e_ops=[qutip.sigmaz(), qutip.sigmax()],
                              options=opts())
    else:
        res = qutip.fmmesolve(h, psi0, tl2, [qutip.sigmax()], [qutip.sigmaz(), qutip.sigmax()], [spec], T, {},
                              options=opts(), floquet_basis=False)
    w.real("tlist_fm", tl2)
    w.real("fmm_sz", np.real(res.expect[0]))
    w.real("fmm_sx", np.real(res.expect[1]))


if __name__ == "__main__":
    w = Writer("brfloquet5" if V5 else "brfloquet",
               "Bloch-Redfield and Floquet (QuTiP %s; issue #20)" % qutip.__version__)
    w.lines[1] = "# Generated by reference/make_brfloquet.py -- do not edit by hand."
    qubit(w)
    jc(w, 4)
    floquet(w)
    w.save()
