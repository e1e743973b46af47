// The FMO complex with the HEOM: QuTiP's HEOM tutorial (Ishizaki & Fleming, PNAS 106, 17255),
// ported line by line. Run from the repository root:
//     ./lindblad run docs/heom/Fmo.java [depth]
// It prints the site populations and writes fmo-populations.png.
import static dev.lindblad.Lindblad.*;

import dev.lindblad.*;
import dev.lindblad.heom.*;
import dev.lindblad.plot.Plots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

void main(String[] args) {
    int depth = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    double cm = 2 * Math.PI * 0.03;             // cm^-1 -> rad/ps (c = 0.03 cm/ps); times in ps
    Qobj H = Qobj.fromArray(new double[][] {
            {200, -87.7, 5.5, -5.9, 6.7, -13.7, -9.9},
            {-87.7, 320, 30.8, 8.2, 0.7, 11.8, 4.3},
            {5.5, 30.8, 0, -53.5, -2.2, -9.6, 6.0},
            {-5.9, 8.2, -53.5, 110, -70.7, -17.0, -63.3},
            {6.7, 0.7, -2.2, -70.7, 270, 81.1, -1.3},
            {-13.7, 11.8, -9.6, -17.0, 81.1, 420, 39.7},
            {-9.9, 4.3, 6.0, -63.3, -1.3, 39.7, 230}}).times(cm);
    double lam = 35 * cm, gamma = 1 / 0.166, T = 300 * 0.6949 * cm;   // 35 cm^-1, 166 fs, 300 K

    List<Bath> baths = new ArrayList<>();
    List<Qobj> pops = new ArrayList<>();
    for (int m = 0; m < 7; m++) {
        Qobj Q = basis(7, m).times(basis(7, m).dag());
        pops.add(Q);
        baths.add(new DrudeLorentzBath(Q, lam, gamma, T, 1));   // one bath per site, Nk = 1
    }
    double[] tlist = linspace(0, 1, 101);                        // 0 to 1 ps
    HeomSolver solver = new HeomSolver(H, baths, depth, HeomOptions.defaults().withProgress(true));
    HeomResult result = solver.run(pops.get(0), tlist, pops);    // the excitation starts on site 1

    IO.println(solver.ados().size() + " ADOs, " + result.stats());
    List<double[]> ys = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int m = 0; m < 7; m++) {
        ys.add(result.expect(m));
        labels.add("site " + (m + 1));
    }
    for (int i = 0; i < tlist.length; i += 20) {
        StringBuilder row = new StringBuilder(String.format("t = %4.2f ps:", tlist[i]));
        for (double[] p : ys) {
            row.append(String.format(" %.4f", p[i]));
        }
        IO.println(row);
    }
    double[] fs = new double[tlist.length];
    for (int i = 0; i < fs.length; i++) {
        fs[i] = 1000 * tlist[i];
    }
    var chart = Plots.lines("FMO site populations (HEOM, depth " + depth + ")", "t (fs)", "population", fs, ys, labels);
    chart.save(Path.of("fmo-populations.png"));
}
