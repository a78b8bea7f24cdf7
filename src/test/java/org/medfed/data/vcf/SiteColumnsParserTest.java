package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.variant.vcf.VCFCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfed.engine.BadInputException;

class SiteColumnsParserTest {

    @TempDir
    Path tmp;

    /** Site columns of every form the specification allows read as htsjdk's codec reads them (tabs written as |). */
    @ParameterizedTest
    @ValueSource(strings = {
        "1|12870|rs1|A|C|.|PASS|.",
        "chr1|10|.|acgt|g|30.5|q10;s50|DP=3;AF=0.5",
        "X|7|rs1;rs2|A|C,<DEL>,*|1e3|.|END=10",
        "2|100|.|A|.|.|.|.",
        "2|100|id|N|C[2:3[|-1|PASS|SVTYPE=BND",
        "2|100|id|N|C[2:3[|-1.0e0|PASS|SVTYPE=BND",
        "2|100|id|A|.C|.|PASS|.",
        "2|100|id|A|T.|.|PASS|.",
        "chr 1|100|id|AC|A,ACC,<NON_REF>|.|.|FLAG;X=1,2",
        "MT|2147483647|id|G|<*>|+7|.|.",
        "1|5|id|T|c|.5|.|.",
        "3|10|.|A|]chr1:5]A|1.5e-3|.|DP=1;;X",
        "3|10|.|A|A[chr1:5[,C|5.|PASS;|;",
        "3|10|.|N|*|inf|.|."})
    void readsEverySiteAsHtsjdkDoes(String columns) {
        String line = columns.replace('|', '\t');
        assertThat(ours(new SiteColumnsParser(), line)).isEqualTo(VcfSite.of(htsjdkCodec().decode(line)));
    }

    @Test
    void recordsOfOneContigShareItsName() {
        SiteColumnsParser parser = new SiteColumnsParser();
        VcfSite first = ours(parser, "chr1\t10\t.\tA\tC\t.\t.\t.");
        VcfSite second = ours(parser, "chr1\t20\t.\tG\tT\t.\t.\t.");
        VcfSite third = ours(parser, "chr2\t5\t.\tG\tT\t.\t.\t.");
        assertThat(second.contig()).isSameAs(first.contig());
        assertThat(third.contig()).isEqualTo("chr2");
        // single bases are shared Strings too, whatever their case in the file
        assertThat(second.ref()).isSameAs(third.ref()).isEqualTo("G");
        assertThat(ours(parser, "chr2\t6\t.\tg\tt\t.\t.\t.").ref()).isSameAs(third.ref());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            |10|.|A|C|.|.|.       ! column CHROM is empty, expected a contig name such as 1 or chr1
            1|10||A|C|.|.|.       ! column ID is empty, expected an identifier such as rs123, or '.' when there is none
            1|10|.|.|C|.|.|.      ! column REF is '.', expected the reference bases (A, C, G, T or N): the reference allele cannot be missing
            1|10|.|AX|C|.|.|.     ! column REF is 'AX', expected the reference bases (A, C, G, T or N)
            1|10|.|<DEL>|C|.|.|.  ! column REF is '<DEL>', expected the reference bases (A, C, G, T or N)
            1|10|.|A|C,,G|.|.|.   ! column ALT is 'C,,G', expected '.' or alleles separated by commas, each of bases (A, C, G, T or N), '*', a symbolic allele such as <DEL>, or a breakend; one of them is empty
            1|10|.|A|C,|.|.|.     ! column ALT is 'C,', expected '.' or alleles separated by commas, each of bases (A, C, G, T or N), '*', a symbolic allele such as <DEL>, or a breakend; one of them is empty
            1|10|.|A|-|.|.|.      ! column ALT is '-', expected '.' or alleles separated by commas, each of bases (A, C, G, T or N), '*', a symbolic allele such as <DEL>, or a breakend; '-' is none of these
            1|10|.|A|<DEL|.|.|.   ! '<DEL' is none of these
            1|10|.|M|A|.|.|.      ! column REF is 'M', expected the reference bases (A, C, G, T or N)
            1|10|.|A|<DEL>,<DEL>|.|.|. ! allele <DEL> is given twice
            1|10|.|A|C,c|.|.|.    ! column ALT is 'C,c': allele C is given twice (REF and ALT alleles must all differ)
            1|10|.|A|a|.|.|.      ! column ALT is 'a': allele A is given twice (REF and ALT alleles must all differ)
            1|10|.|A|C|abc|.|.    ! column QUAL is 'abc', expected a number (the quality) or '.'
            1|10|.|A|C|1e|.|.     ! column QUAL is '1e', expected a number (the quality) or '.'
            1|10|.|A|C|-1.5|.|.   ! column QUAL is '-1.5', expected a quality of 0 or more, or '.'
            1|10|.|A|C|.||.       ! column FILTER is empty, expected PASS, the names of failed filters, or '.'
            1|10|.|A|C|.|.|       ! column INFO is empty, expected '.' or entries such as DP=14;AF=0.5
            1|10|.|A|C|.|.|A B    ! column INFO is 'A B', which holds a space; expected '.' or entries such as DP=14;AF=0.5 without whitespace
            """)
    void aBadSiteColumnIsNamedWithItsLineAndWhatWasExpected(String columns, String problem) throws IOException {
        Path vcf = tmp.resolve("s.vcf");
        Files.writeString(vcf, VcfReaderTest.header("A") + "1\t5\t.\tA\tG\t.\t.\t.\tGT\t0/1\n"
                + columns.strip().replace('|', '\t') + "\tGT\t1/1\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> VcfReaderTest.readAll(vcf)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("s.vcf line 6: ").hasMessageContaining(problem.strip());
    }

    /** Our parser on one line of site columns, given the tabs and position as the text source finds them. */
    private static VcfSite ours(SiteColumnsParser parser, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int[] tabs = new int[7];
        int found = 0;
        for (int i = 0; i < bytes.length && found < tabs.length; i++) {
            if (bytes[i] == '\t') {
                tabs[found++] = i;
            }
        }
        int position = Integer.parseInt(line.split("\t")[1]);
        return parser.parse(bytes, 0, bytes.length, tabs, position);
    }

    private static VCFCodec htsjdkCodec() {
        VCFCodec codec = new VCFCodec();
        codec.readActualHeader(new HeaderLines(List.of("##fileformat=VCFv4.2",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO")));
        return codec;
    }
}
