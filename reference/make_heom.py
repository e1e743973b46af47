#!/usr/bin/python3
"""Regenerates reference/heom.txt: hierarchical equations of motion from QuTiP 4.7.

Run from anywhere as

    /usr/bin/python3 reference/make_heom.py

(Debian's python3-qutip 4.7.1, its qutip.nonmarkov.heom: HEOMSolver, DrudeLorentzBath, ...).
It takes about a minute and is deterministic. The file format is that of
reference/README.md (the Writer of make_reference.py). Every case is described in
reference/README.md, section heom.txt.

Integration: zvode 'adams' with atol=1e-12, rtol=1e-10 (the references' own error is
estimated per case by a rerun at atol=1e-14, rtol=1e-12: max_abs_diff_tighter).
"""

import os
import sys

import numpy as np
import scipy
from scipy.integrate import quad

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import qutip  # noqa: E402
from qutip import (Options, Qobj, QobjEvo, basis, destroy, expect, liouvillian,  # noqa: E402
                   qeye, sigmax, sigmaz)
from qutip.nonmarkov.heom import (BosonicBath, DrudeLorentzBath, DrudeLorentzPadeBath,  # noqa: E402
                                  FermionicBath, HEOMSolver, LorentzianBath,
                                  LorentzianPadeBath, UnderDampedBath)

from make_reference import Writer  # noqa: E402

qutip.settings.auto_tidyup = False

OPTIONS = Options(nsteps=10**6, atol=1e-12, rtol=1e-10, store_states=True)
TIGHTER = Options(nsteps=10**6, atol=1e-14, rtol=1e-12, store_states=True)


def exponents(w, prefix, bath):
    """Writes the bath's exponents: types, ck, vk, ck2 (0 where none), offsets."""
    types = [e.type.name for e in bath.exponents]
    w.text(prefix + "types", " ".join(types))
    w.complex(prefix + "ck", [e.ck for e in bath.exponents])
    w.complex(prefix + "vk", [e.vk for e in bath.exponents])
    w.complex(prefix + "ck2", [e.ck2 if e.ck2 is not None else 0 for e in bath.exponents])


def spin_boson_system():
    eps, delta = 0.5, 1.0
    H = 0.5 * eps * sigmaz() + 0.5 * delta * sigmax()
    rho0 = basis(2, 0) * basis(2, 0).dag()
    return eps, delta, H, rho0


def dynamics(w, H, baths, depth, rho0, tlist, e_ops, ado_labels=()):
    """Runs the HEOM, writes expect_K, final_state, the ADOs with the given labels at the
    last time (ado_K), and the reference's own error estimate."""
    solver = HEOMSolver(H, baths, depth, options=OPTIONS)
    result = solver.run(rho0, tlist, e_ops=e_ops, ado_return=True)
    tighter = HEOMSolver(H, baths, depth, options=TIGHTER).run(rho0, tlist, e_ops=e_ops)
    w.real("tlist", tlist)
    w.ints("depth", depth)
    w.ints("n_ados", len(solver.ados.labels))
    diff = 0.0
    for k in range(len(e_ops)):
        values = np.array(result.expect[k])
        w.real("expect_%d" % k, np.real(values))
        diff = max(diff, np.max(np.abs(values - np.array(tighter.expect[k]))))
    w.complex("final_state", result.states[-1])
    last = result.ado_states[-1]
    for i, label in enumerate(ado_labels):
        w.ints("ado_label_%d" % i, label)
        w.ints("ado_index_%d" % i, last.idx(tuple(label)))
        w.complex("ado_%d" % i, last.extract(tuple(label)))
    w.real("max_abs_diff_tighter", diff)
    return solver


def steady(w, solver, e_ops):
    rho, ados = solver.steady_state()
    w.complex("steady_rho", rho)
    for k, op in enumerate(e_ops):
        w.real("steady_expect_%d" % k, expect(op, rho))
    return rho, ados


def spin_boson_cases(w):
    eps, delta, H, rho0 = spin_boson_system()
    lam, gamma, T = 0.1, 0.5, 0.5
    Q = sigmaz()
    P11 = basis(2, 0) * basis(2, 0).dag()
    P12 = basis(2, 0) * basis(2, 1).dag()
    e_ops = [P11, sigmax()]
    tlist = np.linspace(0, 20, 41)

    for name, cls, nk, depth in (("spin_boson_dl_matsubara", DrudeLorentzBath, 2, 5),
                                 ("spin_boson_dl_pade", DrudeLorentzPadeBath, 2, 5)):
        bath = cls(Q, lam=lam, gamma=gamma, T=T, Nk=nk)
        w.case(name, "spin-boson, H = eps/2 sz + Delta/2 sx, Q = sz, %s(lam, gamma, T, Nk);"
               " rho0 = |0><0|; e_ops P11 = |0><0|, sx" % cls.__name__)
        w.real("eps", eps)
        w.real("Delta", delta)
        w.real("lam", lam)
        w.real("gamma", gamma)
        w.real("T", T)
        w.ints("Nk", nk)
        exponents(w, "", bath)
        delta_t, L_t = bath.terminator()
        w.complex("terminator_delta", [delta_t])
        w.complex("terminator", L_t)
        solver = dynamics(w, H, bath, depth, rho0, tlist, e_ops,
                          ado_labels=[(1, 0, 0), (0, 1, 0), (1, 0, 1), (0, 0, 2)])
        steady(w, solver, [P11, sigmax()])
        w.complex("steady_coherence", [expect(P12, solver.steady_state()[0])])

    # with the Matsubara terminator added to the system Liouvillian
    bath = DrudeLorentzBath(Q, lam=lam, gamma=gamma, T=T, Nk=2)
    _, L_t = bath.terminator()
    w.case("spin_boson_dl_terminator", "spin_boson_dl_matsubara with H replaced by liouvillian(H) + terminator")
    dynamics(w, liouvillian(H) + L_t, bath, 5, rho0, tlist, e_ops)

    # depth convergence: the same bath at depths 1..6 (expect P11 at every time)
    w.case("spin_boson_depths", "spin_boson_dl_pade (Nk = 2) at depths 1..6: p11_depth_D")
    w.real("tlist", tlist)
    bath = DrudeLorentzPadeBath(Q, lam=lam, gamma=gamma, T=T, Nk=2)
    for depth in range(1, 7):
        r = HEOMSolver(H, bath, depth, options=OPTIONS).run(rho0, tlist, e_ops=[P11])
        w.real("p11_depth_%d" % depth, np.real(r.expect[0]))

    # number of exponents: Matsubara Nk = 0..4 at depth 4
    w.case("spin_boson_nk", "spin_boson_dl_matsubara at depth 4 with Nk = 0..4: p11_nk_K")
    w.real("tlist", tlist)
    for nk in range(0, 5):
        bath = DrudeLorentzBath(Q, lam=lam, gamma=gamma, T=T, Nk=nk)
        r = HEOMSolver(H, bath, 4, options=OPTIONS).run(rho0, tlist, e_ops=[P11])
        w.real("p11_nk_%d" % nk, np.real(r.expect[0]))

    # underdamped bath
    lam_u, gamma_u, w0_u, T_u, nk_u = 0.2, 0.2, 1.0, 0.5, 2
    bath = UnderDampedBath(Q, lam=lam_u, gamma=gamma_u, w0=w0_u, T=T_u, Nk=nk_u)
    w.case("spin_boson_underdamped", "spin-boson (as above) with UnderDampedBath(sz, lam, gamma, w0, T, Nk),"
           " depth 4; e_ops P11, sx")
    w.real("lam", lam_u)
    w.real("gamma", gamma_u)
    w.real("w0", w0_u)
    w.real("T", T_u)
    w.ints("Nk", nk_u)
    exponents(w, "", bath)
    solver = dynamics(w, H, bath, 4, rho0, tlist, e_ops)
    steady(w, solver, [P11, sigmax()])

    # two baths (one sz, one sx coupling), not combined across baths
    b1 = DrudeLorentzBath(Q, lam=lam, gamma=gamma, T=T, Nk=1)
    b2 = DrudeLorentzPadeBath(sigmax(), lam=0.05, gamma=1.0, T=T, Nk=1)
    w.case("spin_boson_two_baths", "spin-boson with DrudeLorentzBath(sz, lam, gamma, T, 1) and"
           " DrudeLorentzPadeBath(sx, 0.05, 1.0, T, 1), depth 4; e_ops P11, sx")
    dynamics(w, H, [b1, b2], 4, rho0, tlist, e_ops)

    # time-dependent drive: H(t) = H + A cos(wd t) sx
    amp, wd = 0.2, 1.1
    Ht = QobjEvo([H, [sigmax(), lambda t, args=None: amp * np.cos(wd * t)]])
    bath = DrudeLorentzPadeBath(Q, lam=lam, gamma=gamma, T=T, Nk=1)
    w.case("spin_boson_driven", "spin-boson plus A cos(wd t) sx (QobjEvo), DrudeLorentzPadeBath(sz, lam, gamma,"
           " T, 1), depth 4; e_ops P11, sx")
    w.real("A", amp)
    w.real("wd", wd)
    dynamics(w, Ht, bath, 4, rho0, tlist, e_ops)

    # a bath from explicit exponents, not combined (R and I terms kept apart)
    bath = BosonicBath(Q, [0.3, 0.05], [0.5, 3.0], [-0.05], [0.5], combine=False)
    w.case("spin_boson_bosonic_bath", "BosonicBath(sz, ck_real [0.3, 0.05], vk_real [0.5, 3], ck_imag [-0.05],"
           " vk_imag [0.5], combine=False), depth 4; e_ops P11, sx")
    exponents(w, "", bath)
    dynamics(w, H, bath, 4, rho0, tlist, e_ops)


def bath_cases(w):
    Q = sigmaz()
    w.case("baths", "exponents of each bath type; prefixes dl_, dlpade_, ud_, lor_, lorpade_ (see README)")
    exponents(w, "dl_", DrudeLorentzBath(Q, lam=0.1, gamma=0.5, T=0.5, Nk=3))
    exponents(w, "dlpade_", DrudeLorentzPadeBath(Q, lam=0.1, gamma=0.5, T=0.5, Nk=3))
    exponents(w, "ud_", UnderDampedBath(Q, lam=0.2, gamma=0.2, w0=1.0, T=0.5, Nk=2))
    d = destroy(2)
    exponents(w, "lor_", LorentzianBath(d, gamma=0.01, w=1.0, mu=0.3, T=0.05, Nk=3))
    exponents(w, "lorpade_", LorentzianPadeBath(d, gamma=0.01, w=1.0, mu=0.3, T=0.05, Nk=3))


def fermion_cases(w):
    # QuTiP's HEOM example 5a: a single impurity between two Lorentzian leads.
    d1 = destroy(2)
    e1 = 1.0
    H = e1 * d1.dag() * d1
    gamma, W, T = 0.01, 1.0, 0.025851991
    beta = 1.0 / T
    theta = 2.0
    mu_l, mu_r = theta / 2, -theta / 2
    nk, depth = 10, 2
    bath_l = LorentzianPadeBath(d1, gamma, W, mu_l, T, nk, tag="L")
    bath_r = LorentzianPadeBath(d1, gamma, W, mu_r, T, nk, tag="R")
    solver = HEOMSolver(H, [bath_l, bath_r], depth, options=OPTIONS)
    rho, ados = solver.steady_state()

    def current(ado_state, tag):
        total = 0
        for label in ado_state.filter(level=1, tags=[tag]):
            aux = ado_state.extract(label)
            exp = ado_state.exps(label)[0]
            sign = 1 if exp.type == exp.types["+"] else -1
            op = exp.Q if exp.type == exp.types["+"] else exp.Q.dag()
            total += sign * (op * aux).tr()
        return -1.0j * total

    def gamma_w(x, mu):
        return gamma * W**2 / ((x - mu)**2 + W**2)

    def lamshift(x, mu):
        return (x - mu) * gamma_w(x, mu) / (2 * W)

    def fermi(x):
        return 1 / (np.exp(x) + 1)

    def integrand(x):
        return ((2 / np.pi) * gamma_w(x, mu_l) * gamma_w(x, mu_r) * (fermi(beta * (x - mu_l)) - fermi(beta * (x - mu_r)))
                / ((gamma_w(x, mu_l) + gamma_w(x, mu_r))**2
                   + 4 * (x - e1 - lamshift(x, mu_l) - lamshift(x, mu_r))**2))

    analytic = quad(integrand, -np.inf, np.inf, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
    w.case("fermion_single_impurity", "QuTiP HEOM example 5a: H = e1 d^dag d, d = destroy(2), two"
           " LorentzianPadeBath(d, gamma, W, mu, T, Nk) leads tagged L (mu = theta/2) and R (mu = -theta/2),"
           " depth 2, steady state and lead currents; analytic = Landauer integral of the example")
    w.real("e1", e1)
    w.real("gamma", gamma)
    w.real("W", W)
    w.real("T", T)
    w.real("theta", theta)
    w.ints("Nk", nk)
    w.ints("depth", depth)
    w.ints("n_ados", len(solver.ados.labels))
    exponents(w, "lead_l_", bath_l)
    w.complex("steady_rho", rho)
    w.complex("current_l", [current(ados, "L")])
    w.complex("current_r", [current(ados, "R")])
    w.real("current_analytic", analytic)

    # dynamics of the same model from the empty dot, Matsubara leads (Nk = 2) at depth 2
    bath_l = LorentzianBath(d1, gamma, W, mu_l, 0.5, 2, tag="L")
    bath_r = LorentzianBath(d1, gamma, W, mu_r, 0.5, 2, tag="R")
    rho0 = basis(2, 0) * basis(2, 0).dag()
    w.case("fermion_dynamics", "H = e1 d^dag d, LorentzianBath(d, gamma, W, +-theta/2, T = 0.5, Nk = 2) leads"
           " L and R, depth 2, rho0 = basis(2,0) (empty dot: d = destroy(2)); e_ops n = d^dag d")
    w.real("T", 0.5)
    dynamics(w, H, [bath_l, bath_r], 2, rho0, np.linspace(0, 200, 41), [d1.dag() * d1])


def fmo_system():
    """QuTiP's HEOM FMO tutorial (Ishizaki & Fleming) in rad/ps and ps."""
    c = 0.03  # cm/ps, as the tutorial's 3e10 cm/s
    H = 2 * np.pi * c * Qobj([
        [200, -87.7, 5.5, -5.9, 6.7, -13.7, -9.9],
        [-87.7, 320, 30.8, 8.2, 0.7, 11.8, 4.3],
        [5.5, 30.8, 0, -53.5, -2.2, -9.6, 6.0],
        [-5.9, 8.2, -53.5, 110, -70.7, -17.0, -63.3],
        [6.7, 0.7, -2.2, -70.7, 270, 81.1, -1.3],
        [-13.7, 11.8, -9.6, -17.0, 81.1, 420, 39.7],
        [-9.9, 4.3, 6.0, -63.3, -1.3, 39.7, 230]])
    lam = 35 * 2 * np.pi * c
    gamma = 1 / 0.166
    T = 300 * 0.6949 * 2 * np.pi * c
    return H, lam, gamma, T


def fmo_case(w):
    H, lam, gamma, T = fmo_system()
    baths = [DrudeLorentzBath(basis(7, m) * basis(7, m).dag(), lam=lam, gamma=gamma, T=T, Nk=1) for m in range(7)]
    rho0 = basis(7, 0) * basis(7, 0).dag()
    e_ops = [basis(7, m) * basis(7, m).dag() for m in range(7)]
    w.case("fmo_depth2", "FMO (7 sites, QuTiP's HEOM tutorial in rad/ps: H = 2 pi 0.03 [cm^-1 matrix],"
           " lam = 35 * 2 pi 0.03, gamma = 1/0.166, T = 300 * 0.6949 * 2 pi 0.03), one DrudeLorentzBath(|m><m|,"
           " lam, gamma, T, Nk = 1) per site, depth 2, rho0 = |0><0|, e_ops the site populations, t in ps")
    w.real("H", H.full().real)
    w.real("lam", lam)
    w.real("gamma", gamma)
    w.real("T", T)
    dynamics(w, H, baths, 2, rho0, np.linspace(0, 1, 21), e_ops)


def main():
    w = Writer("heom", "hierarchical equations of motion (QuTiP 4.7 HEOMSolver)")
    w.comment("Bath exponents: 'types' lists R, I, RI, + or -; 'ck2' is 0 where the type has none.")
    bath_cases(w)
    spin_boson_cases(w)
    fermion_cases(w)
    fmo_case(w)
    w.save()


if __name__ == "__main__":
    main()
