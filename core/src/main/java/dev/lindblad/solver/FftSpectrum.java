package dev.lindblad.solver;

/**
 * A power spectrum from the Fourier transform of a sampled correlation function, as the pair
 * {@code (w, S)} returned by QuTiP's {@code spectrum_correlation_fft}: angular frequencies in
 * ascending order and {@code S(w) = 2 dt Re F(w)}.
 */
public final class FftSpectrum {
    private final double[] frequencies;
    private final double[] spectrum;

    FftSpectrum(double[] frequencies, double[] spectrum) {
        this.frequencies = frequencies;
        this.spectrum = spectrum;
    }

    /** @return the angular frequencies {@code w = 2 pi f}, ascending (negative ones first); a copy */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** @return the spectrum at each frequency; a copy */
    public double[] spectrum() {
        return spectrum.clone();
    }
}
