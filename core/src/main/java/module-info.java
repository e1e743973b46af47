/**
 * Lindblad core: quantum objects, the complex data layer, linear algebra, integrators and
 * solvers. Only the packages a user (or another Lindblad module) programs against are
 * exported; kernels stay package-private inside them.
 */
module dev.lindblad {
    exports dev.lindblad;
    exports dev.lindblad.backend;
    exports dev.lindblad.data;
    exports dev.lindblad.linalg;
    exports dev.lindblad.ode;
    exports dev.lindblad.parallel;
    exports dev.lindblad.solver;

    // HDF5 export (DataFiles.saveHdf5)
    requires io.jhdf;

    uses dev.lindblad.backend.Backend;
    // qsave/qload of other modules' types (heom's HeomResult)
    uses dev.lindblad.solver.DataFileCodec;
    uses dev.lindblad.parallel.TaskMapProvider;
}
