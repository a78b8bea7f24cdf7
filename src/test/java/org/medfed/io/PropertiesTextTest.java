package org.medfed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {

    private static final String NL = System.lineSeparator();

    @Test
    void writesWhatStoreWritesWithoutItsDateLine() throws IOException {
        Properties p = new Properties();
        p.setProperty("status", "running");
        p.setProperty("studyFile", "C:\\Users\\Dr Müller\\heart study #2.json");
        p.setProperty(" key with spaces=and:marks!", "  leading spaces, then\ttab\nnewline\r\f and ünïcødé 漢字 \uD83D\uDE00");
        p.setProperty("privacy", "DP (epsilon=1.5): clip 1.0; #rounds 30");
        p.setProperty("empty", "");
        p.setProperty("file.model/model.onnx", "1234 ab12cd");
        assertThat(PropertiesText.of(p, "MedFed run")).isEqualTo(storedWithoutDate(p, "MedFed run"));
    }

    @Test
    void randomTextOfEveryKindIsEscapedAsStoreEscapesIt() throws IOException {
        Random random = new Random(18);
        String alphabet = " \t\n\r\f\\=:#!\"'aZ09.-_/\u0000\u001f\u007f\u0080\u00e9\u00ff\u0100\u20ac\uffff\ud800";
        Properties p = new Properties();
        for (int i = 0; i < 200; i++) {
            p.setProperty(text(random, alphabet), text(random, alphabet));
        }
        byte[] ours = PropertiesText.of(p, "outputs with their size and SHA-256");
        assertThat(ours).isEqualTo(storedWithoutDate(p, "outputs with their size and SHA-256"));
        Properties back = new Properties();
        back.load(new ByteArrayInputStream(ours));
        assertThat(back).isEqualTo(p);
    }

    @Test
    void oneEntryByHand() {
        Properties p = new Properties();
        p.setProperty("a b", " x=é");
        assertThat(new String(PropertiesText.of(p, "c"), StandardCharsets.ISO_8859_1))
                .isEqualTo("#c" + NL + "a\\ b=\\ x\\=\\u00E9" + NL);
    }

    @Test
    void refusesACommentThatIsNotOneLineOfAscii() {
        assertThatThrownBy(() -> PropertiesText.of(new Properties(), "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PropertiesText.of(new Properties(), "é"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** What Properties.store writes, its second line (the date) taken out. */
    /**
     * What {@code store} writes, without its date line, for the entries in key order: from Java 18 on {@code store}
     * sorts them itself, and on every Java it keeps the order of an {@code entrySet} a subclass gives.
     */
    private static byte[] storedWithoutDate(Properties p, String comment) throws IOException {
        Properties inKeyOrder = new Properties() {
            @Override
            public Set<Map.Entry<Object, Object>> entrySet() {
                Map<Object, Object> sorted = new TreeMap<>();
                for (Map.Entry<Object, Object> e : super.entrySet()) {
                    sorted.put(e.getKey(), e.getValue());
                }
                return Collections.synchronizedSet(new LinkedHashSet<>(sorted.entrySet()));
            }
        };
        inKeyOrder.putAll(p);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        inKeyOrder.store(bytes, comment);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int first = text.indexOf(NL) + NL.length();
        int second = text.indexOf(NL, first) + NL.length();
        assertThat(text.substring(first, second)).startsWith("#");
        return (text.substring(0, first) + text.substring(second)).getBytes(StandardCharsets.ISO_8859_1);
    }
}
