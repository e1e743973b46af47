/*
 * The launcher's start-up cache is trained by running this file the way `lindblad run` runs a
 * script (the source launcher compiles it first, so the compiler's classes are in the cache
 * too). The workload itself is dev.lindblad.cli.AotTraining, compiled and tested with the cli
 * module. See ./lindblad and README.md ("Start-up cache").
 */
public class Training {
    public static void main(String[] args) {
        dev.lindblad.cli.AotTraining.main(args);
    }
}
