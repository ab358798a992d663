package dev.symphony.packaging.installers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which JDK builds the bundled runtime: so that {@code mvn -B -Pinstallers -DskipTests package} works as the README
 * gives it on a machine whose Maven runs on JDK 17, the newest installed JDK 22+ is found; a JDK the user named is
 * used or refused, never replaced.
 */
class InstallerJdkTest {
    @TempDir
    Path tmp;

    /** A JDK's home as the program reads it: a {@code release} file and {@code bin/jpackage} (or not). */
    Path jdk(String name, String javaVersion, boolean jpackage) throws IOException {
        Path home = tmp.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\nOS_NAME=\"Linux\"\n");
        if (jpackage) {
            Files.writeString(home.resolve("bin/jpackage"), "");
        }
        return home;
    }

    @Test
    void mavenOnSeventeenFindsTheNewestJdkWithJpackageBesideIt() throws Exception {
        Path jvm = Files.createDirectories(tmp.resolve("jvm"));
        Path maven = jdk("jvm/openjdk-17", "17.0.15", true);
        jdk("jvm/openjdk-21", "21.0.2", true);
        Path newest = jdk("jvm/temurin-25", "25.0.1", true);
        jdk("jvm/jre-26", "26", false); // no jpackage: a runtime, not a JDK that can build
        var r = InstallerPrograms.run("InstallerJdk", "--jdk=", maven, jvm).succeeded();
        assertEquals(newest.toString(), r.out().strip());
        assertTrue(r.err().contains("using JDK 25 from " + newest) && r.err().contains("Maven runs on JDK 17"), r.err());
    }

    @Test
    void mavensOwnJdkIsUsedWhenItIsNewEnough() throws Exception {
        Path jvm = Files.createDirectories(tmp.resolve("jvm"));
        Path maven = jdk("jvm/temurin-25", "25.0.1", true);
        jdk("jvm/openjdk-26", "26", true);
        var r = InstallerPrograms.run("InstallerJdk", "--jdk=", maven, jvm).succeeded();
        assertEquals(maven.toString(), r.out().strip());
        assertEquals("", r.err(), "nothing to say when Maven's own JDK builds it");
    }

    @Test
    void aMacOsJdkIsFoundUnderContentsHome() throws Exception {
        Path machines = Files.createDirectories(tmp.resolve("JavaVirtualMachines"));
        Path home = jdk("JavaVirtualMachines/temurin-25.jdk/Contents/Home", "25.0.1", true);
        var r = InstallerPrograms.run("InstallerJdk", "--jdk=", jdk("maven-17", "17.0.15", true), machines).succeeded();
        assertEquals(home.toString(), r.out().strip());
    }

    @Test
    void aRequestedJdkIsNeverReplacedAndATooOldOneIsRefusedByName() throws Exception {
        Path jvm = Files.createDirectories(tmp.resolve("jvm"));
        Path old = jdk("jvm/openjdk-17", "17.0.15", true);
        jdk("jvm/temurin-25", "25.0.1", true);
        InstallerPrograms.run("InstallerJdk", "--jdk=" + old, old, jvm)
                .failedWith(1, "JDK 17; -Dinstaller.jdk=" + old + " names it");
        InstallerPrograms.run("InstallerJdk", "--jdk=" + tmp.resolve("nowhere"), old, jvm)
                .failedWith(1, "is not a JDK with jpackage");
        Path requested = jdk("jvm/openjdk-23", "23", true);
        assertEquals(requested.toString(), InstallerPrograms.run("InstallerJdk", "--jdk=" + requested, old, jvm).succeeded().out().strip());
    }

    @Test
    void withoutANewEnoughJdkTheErrorSaysWhatWasFoundAndWhatToDo() throws Exception {
        Path jvm = Files.createDirectories(tmp.resolve("jvm"));
        Path maven = jdk("jvm/openjdk-17", "17.0.15", true);
        jdk("jvm/openjdk-21", "21.0.2", true);
        var r = InstallerPrograms.run("InstallerJdk", "--jdk=", maven, jvm)
                .failedWith(1, "needs JDK 22 or newer with jpackage");
        assertTrue(r.err().contains("JDK 21 (" + jvm.resolve("openjdk-21") + ")") && r.err().contains("-Dinstaller.jdk="), r.err());
    }

    @Test
    void itRunsAsTheBuildScriptStartsIt() throws Exception {
        InstallerPrograms.runAsSourceFile("InstallerJdk").failedWith(2, "usage: InstallerJdk");
    }
}
