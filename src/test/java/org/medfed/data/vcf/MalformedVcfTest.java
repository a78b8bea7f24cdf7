package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.medfed.engine.BadInputException;
import org.medfed.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed file of the shared set gives a clear error naming the file, the line and what was expected. */
class MalformedVcfTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            corrupt_file_that_starts_with_#.vcf | line 1 | expected the first line to be '##fileformat=VCFv4.x' (a VCF file), found '#'
            mangledBaseVariants.vcf             | line 1 | expected the first line to be '##fileformat=VCFv4.x' (a VCF file), found '!##fileformat=VCFv4.2'
            baseVariants.mangled.vcf.gz         | byte 1 | does not start with the gzip signature (1f 8b)
            failed_body_sample_011.vcf          | line 3 | sample names must be unique, but 2 appear more than once: HG00096 (3 times), HG00097 (2 times)
            failed_body_pos_000.vcf             | line 4 | column POS is '.', expected a position (a whole number)
            failed_body_unsorted_000.vcf        | line 8 | position 500 on contig 1 comes after position 1400: records must be sorted by position
            failed_body_no_newline_000.vcf      | line 4 | there is no newline at the end), so it looks truncated
            """)
    void malformedFileIsNamedWithItsLine(String name, String location, String problem) {
        Path file = SharedData.data("vcf-htsjdk-hts-specs/malformed/" + name);
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> VcfReaderTest.readAll(file));
        assertThat(e).as("reading %s must fail", name).isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.location()).isEqualTo(location);
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).startsWith(name + " " + location + ": ");
    }

    @Test
    void everyFileOfTheMalformedFolderIsCovered() throws IOException {
        Path dir = SharedData.data("vcf-htsjdk-hts-specs/malformed");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).containsExactlyInAnyOrder("corrupt_file_that_starts_with_#.vcf", "mangledBaseVariants.vcf",
                    "baseVariants.mangled.vcf.gz", "failed_body_sample_011.vcf", "failed_body_pos_000.vcf",
                    "failed_body_unsorted_000.vcf", "failed_body_no_newline_000.vcf");
        }
    }
}
