package dev.lindblad.plot;

import java.awt.Color;

/**
 * Colour maps: a value in [0, 1] to a colour, by linear interpolation between stops.
 * {@link #DIVERGING} runs blue (0) – white (0.5) – red (1), the ColorBrewer RdBu scheme reversed
 * (matplotlib's "RdBu_r"), so a quantity centred on zero shows negative values blue and positive
 * red. {@link #PHASE} is a cyclic hue wheel for the argument of complex numbers, the same colour
 * at −π and π. {@link #SEQUENTIAL} runs from white to dark blue.
 */
public final class Colormap {
    /** Blue for negative, white for zero, red for positive (with the value mapped by {@code 0.5 + v/(2 vmax)}). */
    public static final Colormap DIVERGING = new Colormap(0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
            0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f);
    /** A cyclic map for phases: red at 0, through yellow, green, cyan, blue and magenta, back to red at 2π. */
    public static final Colormap PHASE = new Colormap(0xd62728, 0xe6ab02, 0x2ca02c, 0x17becf, 0x1f50c8, 0xb02cb0, 0xd62728);
    /** White to dark blue. */
    public static final Colormap SEQUENTIAL = new Colormap(0xf7fbff, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b);

    private final int[] stops;

    private Colormap(int... stops) {
        this.stops = stops;
    }

    /**
     * @param u position in [0, 1] (clamped; NaN gives grey)
     * @return the interpolated colour
     */
    public Color at(double u) {
        return new Color(rgb(u));
    }

    int rgb(double u) {
        if (Double.isNaN(u)) {
            return 0x808080;
        }
        double x = Math.min(1, Math.max(0, u)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double f = x - i;
        int a = stops[i], b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
