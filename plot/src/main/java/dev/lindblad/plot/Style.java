package dev.lindblad.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;

/** Fonts and colours shared by every picture. */
final class Style {
    /** DejaVu Sans where installed (it has ⟨, ⟩, †, Greek and the script digits), else the logical sans. */
    static final String FAMILY = pickFamily();
    static final Font TICK = new Font(FAMILY, Font.PLAIN, 12);
    static final Font LABEL = new Font(FAMILY, Font.PLAIN, 14);
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 15);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 12);
    static final Color AXIS = new Color(0x222222);
    static final Color GRID = new Color(0xe6e6e6);
    /** matplotlib's "tab10" cycle, the colours QuTiP users know from their line plots. */
    static final Color[] CYCLE = Arrays.stream(new int[] {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
            0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf}).mapToObj(Color::new).toArray(Color[]::new);

    private Style() {
    }

    private static String pickFamily() {
        // asking for the one font is much quicker than listing every family; an unknown name
        // comes back as the logical "Dialog"
        try {
            if (new Font("DejaVu Sans", Font.PLAIN, 12).getFamily(java.util.Locale.ROOT).equals("DejaVu Sans")) {
                return "DejaVu Sans";
            }
        } catch (RuntimeException | Error e) {
            // no font configuration: the logical font still draws text
        }
        return Font.SANS_SERIF;
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static Color darker(Color c, double f) {
        return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f), c.getAlpha());
    }
}
