package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AotTrainingTest {

    @Test
    void theTrainingWorkloadComputesTheTextbookValues() {
        AotTraining.Summary s = AotTraining.run();
        // a damped coherent state stays coherent, alpha -> alpha exp(-kappa t / 2), in every
        // trajectory too (a jump leaves it unchanged), so both solvers give |alpha|^2 exp(-kappa t)
        assertEquals(1.44 * Math.exp(-1.0), s.expectedPhotons(), 1e-15);
        assertEquals(s.expectedPhotons(), s.relaxedPhotons(), 1e-4);
        assertEquals(s.expectedPhotons(), s.jumpedPhotons(), 1e-3);
        assertEquals(Math.cos(1.3 * 3), s.expectedSigmaZ(), 1e-15);
        assertEquals(s.expectedSigmaZ(), s.rabiSigmaZ(), 1e-5);
        // the driven damped cavity relaxes to |alpha|^2 = E^2 / (Delta^2 + kappa^2 / 4)
        assertEquals(0.16 / (0.09 + 0.0625), s.expectedSteady(), 1e-12);
        assertEquals(s.expectedSteady(), s.steadyPhotons()[0], 1e-6);
        assertEquals(s.expectedSteady(), s.steadyPhotons()[1], 1e-6);
        // a coherent state's Wigner function peaks at 1/pi (grid point 0.003 from the peak)
        assertEquals(1 / Math.PI, s.wignerPeak(), 1e-4);
        assertEquals(1.0, s.reducedFidelity(), 1e-9);
        assertEquals(0.0, s.reducedEntropy(), 1e-9);
    }
}
