package dev.lindblad.plot;

import java.util.Map;

/**
 * LaTeX-like labels written as Unicode: {@code "$\langle a^\dagger a \rangle$"} becomes
 * {@code "⟨a†a⟩"}. Known: {@code \langle \rangle \dagger \hbar \cdot \times \pm \infty \sqrt \rho \psi}
 * and the other Greek letters, {@code ^x} and {@code ^{..}} as superscripts where Unicode has
 * them (digits, signs, n, i, †), {@code _x} and {@code _{..}} as subscripts (digits, signs, a e o
 * x h k l m n p s t), braces dropped, dollar signs dropped. A label without a backslash, caret,
 * underscore or dollar is returned unchanged.
 */
public final class Tex {
    private static final Map<String, String> MACROS = Map.ofEntries(
            Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("dagger", "†"), Map.entry("hbar", "ħ"),
            Map.entry("cdot", "·"), Map.entry("times", "×"), Map.entry("pm", "±"), Map.entry("infty", "∞"),
            Map.entry("sqrt", "√"), Map.entry("partial", "∂"), Map.entry("otimes", "⊗"), Map.entry("left", ""),
            Map.entry("right", ""), Map.entry("uparrow", "↑"), Map.entry("downarrow", "↓"),
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"), Map.entry("theta", "θ"),
            Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"),
            Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"),
            Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Omega", "Ω"),
            Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Sigma", "Σ"), Map.entry("Lambda", "Λ"));
    private static final String SUP_FROM = "0123456789+-=()ni†";
    private static final String SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ†";
    private static final String SUB_FROM = "0123456789+-=()aeoxhklmnpst";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ";

    private Tex() {
    }

    /**
     * @param label a label, possibly with LaTeX-like markup
     * @return the label in Unicode
     */
    public static String toUnicode(String label) {
        if (label == null) {
            return "";
        }
        if (label.indexOf('\\') < 0 && label.indexOf('^') < 0 && label.indexOf('_') < 0 && label.indexOf('$') < 0) {
            return label;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < label.length()) {
            char c = label.charAt(i);
            if (c == '$' || c == '{' || c == '}') {
                i++;
            } else if (c == '\\') {
                int j = i + 1;
                while (j < label.length() && Character.isLetter(label.charAt(j))) {
                    j++;
                }
                String name = label.substring(i + 1, j);
                if (name.isEmpty() && j < label.length()) {
                    out.append(label.charAt(j));
                    j++;
                } else {
                    out.append(MACROS.getOrDefault(name, name));
                }
                while (j < label.length() && label.charAt(j) == ' ' && !name.isEmpty()) {
                    j++;
                }
                i = j;
            } else if ((c == '^' || c == '_') && i + 1 < label.length()) {
                int j = i + 1;
                String arg;
                if (label.charAt(j) == '{') {
                    int close = label.indexOf('}', j);
                    close = close < 0 ? label.length() : close;
                    arg = label.substring(j + 1, close);
                    j = Math.min(label.length(), close + 1);
                } else if (label.charAt(j) == '\\') {
                    int k = j + 1;
                    while (k < label.length() && Character.isLetter(label.charAt(k))) {
                        k++;
                    }
                    arg = label.substring(j, k);
                    j = k;
                    while (j < label.length() && label.charAt(j) == ' ') {
                        j++;
                    }
                } else {
                    arg = label.substring(j, j + 1);
                    j++;
                }
                out.append(script(toUnicode(arg), c == '^'));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String script(String s, boolean sup) {
        String from = sup ? SUP_FROM : SUB_FROM, to = sup ? SUP_TO : SUB_TO;
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            int k = from.indexOf(c);
            if (k < 0) {
                // no such Unicode script letter: write the plain form, as "^(x)" would read
                return (sup ? "^" : "_") + (s.length() > 1 ? "(" + s + ")" : s);
            }
            b.append(to.charAt(k));
        }
        return b.toString();
    }
}
