#!/usr/bin/env python3
"""Regenerates reference/heom5.txt: HEOM cases that QuTiP 4.7 cannot compute, from QuTiP 5.3.1.

QuTiP 4.7's HEOMSolver refuses bosonic and fermionic baths together; QuTiP 5 mixes them (its
fermionic signs count fermionic excitations only). Run as

    /work/qutip5-venv/bin/python reference/make_heom5.py

(any Python with QuTiP 5.3.1). Deterministic; the format is that of reference/README.md (the
Writer of make_reference.py).
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import qutip  # noqa: E402
from qutip import basis, destroy  # noqa: E402
from qutip.solver.heom import DrudeLorentzBath, HEOMSolver, LorentzianPadeBath  # noqa: E402

# make_reference imports QuTiP 4's Options at module level, which QuTiP 5 no longer has; only its
# Writer is used here
if not hasattr(qutip, "Options"):
    qutip.Options = object
from make_reference import Writer  # noqa: E402

OPTIONS = {"nsteps": 10**6, "atol": 1e-12, "rtol": 1e-10, "store_states": True}


def main():
    w = Writer("heom5", "HEOM cases beyond QuTiP 4.7 (QuTiP 5.3.1 HEOMSolver)")
    w.lines[2] = "# qutip %s, numpy %s, python %s (QuTiP 5: mixed bosonic and fermionic baths)" % (
        qutip.__version__, np.__version__, sys.version.split()[0])
    d = destroy(2)
    e1, gamma, W, T, mu, nk = 0.5, 0.05, 1.0, 0.3, 0.5, 3
    lam, gam_b = 0.05, 0.5
    H = e1 * d.dag() * d
    lead_l = LorentzianPadeBath(d, gamma, W, mu, T, nk, tag="L")
    lead_r = LorentzianPadeBath(d, gamma, W, -mu, T, nk, tag="R")
    boson = DrudeLorentzBath(d.dag() * d, lam, gam_b, T, 1, tag="B")
    tlist = np.linspace(0, 20, 21)
    rho0 = basis(2, 1) * basis(2, 1).dag()  # occupied dot (d = destroy(2): basis(2,1) holds one fermion)
    for name, baths in (("mixed_boson_first", [boson, lead_l, lead_r]),
                        ("mixed_leads_first", [lead_l, lead_r, boson])):
        solver = HEOMSolver(H, baths, 3, options=OPTIONS)
        result = solver.run(rho0, tlist, e_ops=[d.dag() * d])
        rho, ados = solver.steady_state()
        w.case(name, "H = e1 d^dag d (d = destroy(2)), leads LorentzianPadeBath(d, gamma, W, +-mu, T, Nk) tagged L"
               " and R, a DrudeLorentzBath(d^dag d, lam, gam_b, T, Nk = 1) tagged B, in the order of the name;"
               " depth 3; rho0 = basis(2,1) (occupied); e_op n = d^dag d")
        w.real("e1", e1)
        w.real("gamma", gamma)
        w.real("W", W)
        w.real("T", T)
        w.real("mu", mu)
        w.ints("Nk", nk)
        w.real("lam", lam)
        w.real("gam_b", gam_b)
        w.ints("n_ados", len(solver.ados.labels))
        w.real("tlist", tlist)
        w.real("expect_0", np.real(result.expect[0]))
        w.complex("steady_rho", rho)
    w.save()


if __name__ == "__main__":
    main()
