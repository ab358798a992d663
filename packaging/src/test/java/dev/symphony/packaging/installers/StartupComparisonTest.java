package dev.symphony.packaging.installers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar "first frame from the installed copy is no slower than from the source checkout", as install-test.sh
 * --compare judges it from alternating startup probes: medians compared, a figure taken on a loaded machine
 * labelled as not a result, a run whose window never showed an error rather than a figure.
 */
class StartupComparisonTest {
    @TempDir
    Path tmp;

    Path runs(long[] installed, long[] checkout, double load) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < installed.length; i++) {
            s.append(line("installed", load, installed[i])).append(line("checkout", load, checkout[i]));
        }
        return Files.writeString(tmp.resolve("startup-runs.tsv"), s);
    }

    static String line(String side, double load, long firstFrameMs) {
        return side + "\t" + load + "\t{\"launchMs\":null,\"firstFrameMs\":" + firstFrameMs + ",\"fileOpenMs\":null,\"extensionsReadyMs\":2400}\n";
    }

    @Test
    void onAQuietMachineTheBarHoldsWhenTheInstalledMedianIsNoSlower() throws Exception {
        Path file = runs(new long[] {1453, 1335, 2100}, new long[] {2030, 1927, 1990}, 0.3);
        String out = InstallerPrograms.run("StartupComparison", file, "0.09").succeeded().out();
        assertTrue(out.contains("installed: median 1453 ms (1335-2100)"), out);
        assertTrue(out.contains("checkout:  median 1990 ms (1927-2030)"), out);
        assertTrue(out.contains("installed no slower in 2 of 3 pairs"), out);
        assertTrue(out.contains("verdict: the bar holds"), out);
    }

    @Test
    void onAQuietMachineASlowerInstalledCopyFailsTheBar() throws Exception {
        Path file = runs(new long[] {2500, 2600}, new long[] {2000, 2100}, 0.2);
        var r = InstallerPrograms.run("StartupComparison", file, "0.1");
        assertTrue(r.status() == 1 && r.out().contains("does NOT hold") && r.out().contains("median 2550 ms"), r.out());
    }

    @Test
    void underLoadTheFigureIsLabelledNotAResultWhateverItShows() throws Exception {
        Path file = runs(new long[] {2500, 2600}, new long[] {2000, 2100}, 6.5);
        String out = InstallerPrograms.run("StartupComparison", file, "7.61").succeeded().out();
        assertTrue(out.contains("verdict: not a result - measured under load (7.61 at the start") && out.contains("was slower"), out);
        assertTrue(!out.contains("the bar holds") && !out.contains("does NOT hold"), out);
    }

    @Test
    void aRunWhoseWindowNeverShowedIsAnErrorNotAFigure() throws Exception {
        Path file = Files.writeString(tmp.resolve("runs.tsv"), line("installed", 0.1, 1400) + "checkout\t0.1\t\n");
        InstallerPrograms.run("StartupComparison", file, "0.1").failedWith(1, "line 2: the checkout run printed no firstFrameMs");
    }

    @Test
    void theSidesMustAlternate() throws Exception {
        Path file = Files.writeString(tmp.resolve("runs.tsv"), line("installed", 0.1, 1400) + line("installed", 0.1, 1400)
                + line("checkout", 0.1, 1400) + line("checkout", 0.1, 1400));
        InstallerPrograms.run("StartupComparison", file, "0.1").failedWith(1, "run 2 is installed, expected checkout");
    }

    @Test
    void itRunsAsTheInstallTestStartsIt() throws Exception {
        InstallerPrograms.runAsSourceFile("StartupComparison").failedWith(2, "usage: StartupComparison");
    }
}
