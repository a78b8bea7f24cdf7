package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.medfed.engine.codec.UpdateCodec;

/**
 * Compressed updates: {@code codec} is delta, quantise (with {@code bits} 2, 4 or 8), topk (keeping
 * {@code fraction} of the values) or topk-quantise; {@code errorFeedback} keeps what top-k leaves out at the
 * hospital for its next update.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompressionSection(String codec, Integer bits, Double fraction, Boolean errorFeedback) {

    public CompressionSection {
        codec = codec == null ? UpdateCodec.QUANTISE : codec;
        bits = bits == null ? 8 : bits;
        fraction = fraction == null ? 0.05 : fraction;
        errorFeedback = errorFeedback == null ? codec.startsWith(UpdateCodec.TOPK) : errorFeedback;
    }

    public UpdateCodec toCodec() {
        return new UpdateCodec(codec, bits, fraction, errorFeedback);
    }
}
