package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README starts the jar with {@code java @target/jvm-options}, which names the class-data archive that
 * {@code mvn package} makes. The archive is missing before the first package and refused once the jars it recorded
 * change or move; each time the program must start as usual and say nothing about it, and where the archive fits
 * it must be used. Checked with a small program of the test class path (picocli's completion script generator) in
 * a folder of its own, where {@code target/medfed.jsa} is what each case needs.
 */
class JvmOptionsFileTest {

    private static final Path SOURCE = Path.of("src/main/launcher/jvm-options").toAbsolutePath();
    private static final String ARCHIVE = "target/medfed.jsa";
    /** The line the package phase fills in with the OS's large-page option (the pom's linux-large-pages profile). */
    private static final String LARGE_PAGES = "${launcher.large.pages}";

    @TempDir
    Path dir;

    /** The options file as {@code mvn package} writes it to target/ on this OS. */
    private Path options;

    @BeforeEach
    void fillInTheOptionsFile() throws Exception {
        String largePages = System.getProperty("launcher.large.pages");
        assertThat(largePages).as("the pom's surefire configuration passes launcher.large.pages").isNotBlank();
        options = Files.writeString(dir.resolve("jvm-options"), Files.readString(SOURCE).replace(LARGE_PAGES, largePages));
    }

    @Test
    void withoutTheArchiveTheProgramStartsAndSaysNothingOfIt() throws Exception {
        Path jar = copyOfPicocli("a");

        Run run = java(List.of("@" + options), jar);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("Usage:").doesNotContainIgnoringCase("warning").doesNotContain("cds");
    }

    @Test
    void anArchiveMadeForOtherJarsIsSkippedSilently() throws Exception {
        Path recorded = copyOfPicocli("a");
        Path moved = copyOfPicocli("b");
        // another file as far as any Java can tell: Java 19 and later accept the same jar at another path, but not
        // one whose time stamp changed (as a rebuilt jar's does)
        Files.setLastModifiedTime(moved, FileTime.fromMillis(Files.getLastModifiedTime(recorded).toMillis() - 86_400_000L));
        dump(recorded);

        Run plain = java(List.of("-XX:SharedArchiveFile=" + ARCHIVE), moved);
        Run withOptions = java(List.of("@" + options), moved);

        // the JVM's own notice, which the options file turns off
        assertThat(plain.output).containsIgnoringCase("warning");
        assertThat(withOptions.exit).as(withOptions.output).isZero();
        assertThat(withOptions.output).contains("Usage:").doesNotContainIgnoringCase("warning");
    }

    @Test
    void anArchiveMadeForTheseJarsIsUsed() throws Exception {
        Path jar = copyOfPicocli("a");
        dump(jar);

        Run run = java(List.of("@" + options, "-Xlog:class+load=info"), jar);

        assertThat(run.exit).isZero();
        // picocli's own classes are Java 5 bytecode, which no archive holds: the JDK classes it made the program
        // load, recorded in the archive (its "top" layer), show that the archive was mapped
        assertThat(run.output.contains("source: shared objects file (top)"))
                .as("classes loaded from the archive named by the options file").isTrue();
    }

    @Test
    void librariesReachUnsafeMemoryAccessWithoutTheWarningOfNewerJavas() throws Exception {
        Path classes = Path.of(UnsafeMemoryAccessProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        Run plain = java(List.of(), classes, UnsafeMemoryAccessProbe.class.getName());
        Run withOptions = java(List.of("@" + options), classes, UnsafeMemoryAccessProbe.class.getName());

        if (Runtime.version().feature() >= 24) {
            // what users of a newer Java would see at each start without the options file (Java 17 to 23 say nothing)
            assertThat(plain.output).contains("WARNING").contains("sun.misc.Unsafe");
        }
        assertThat(withOptions.exit).as(withOptions.output).isZero();
        assertThat(withOptions.output).contains("array base offset").doesNotContainIgnoringCase("warning");
    }

    @Test
    void theInstallersLauncherGetsTheSameCompilerAndMemoryOptions() throws Exception {
        // all but the archive's, which the installers name at their own path
        List<String> tuning = Files.readAllLines(SOURCE).stream()
                .filter(o -> !o.startsWith("-XX:SharedArchiveFile") && !o.startsWith("-Xlog:cds")).toList();
        String pom = Files.readString(Path.of("pom.xml"));

        assertThat(tuning).hasSize(9).anyMatch(o -> o.startsWith("-XX:Tier4"))
                .contains("-XX:MaxNewSize=256m", "-XX:+UseParallelGC", LARGE_PAGES, "-Xlog:pagesize=off",
                        "-Dsun.misc.unsafe.memory.access=allow");
        for (String option : tuning) {
            assertThat(pom).as("the installers' javaOptions in pom.xml").contains("<option>" + option + "</option>");
        }
        // the installers' launcher names the main class, so the jar manifest's grant of native access does not reach it
        assertThat(pom).contains("<Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>",
                "<option>--enable-native-access=ALL-UNNAMED</option>");
    }

    @Test
    void onLinuxTheHeapIsInTransparentHugePagesWhereTheSystemOffersThem() throws Exception {
        Path classes = Path.of(UnsafeMemoryAccessProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = Files.isReadable(mode) && Files.readString(mode).matches("(?s).*\\[(always|madvise)\\].*");

        Run run = java(List.of("@" + options), classes, UnsafeMemoryAccessProbe.class.getName());
        Run flags = java(List.of("@" + options, "-XX:+PrintFlagsFinal"), classes, UnsafeMemoryAccessProbe.class.getName());

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).doesNotContainIgnoringCase("warning");
        boolean linux = System.getProperty("os.name").equals("Linux");
        assertThat(Files.readAllLines(options)).contains(linux ? "-XX:+UseTransparentHugePages" : "-XX:-UseLargePages");
        if (linux && offered) {
            assertThat(flags.output).containsPattern("bool UseTransparentHugePages += true");
        }
    }

    private void dump(Path jar) throws Exception {
        Run run = java(List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE), jar);
        assertThat(run.exit).as(run.output).isZero();
        assertThat(dir.resolve(ARCHIVE)).isNotEmptyFile();
    }

    private Path copyOfPicocli(String folder) throws Exception {
        Path picocli = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("picocli-"))
                .findFirst().orElseThrow();
        Path copy = dir.resolve(folder).resolve("picocli.jar");
        Files.createDirectories(copy.getParent());
        Files.createDirectories(dir.resolve("target"));
        return Files.copy(picocli, copy);
    }

    private Run java(List<String> options, Path jar) throws Exception {
        return java(options, jar, "picocli.AutoComplete", "--help");
    }

    private Run java(List<String> options, Path classPath, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", classPath.toString(), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exit, String output) {
    }
}
