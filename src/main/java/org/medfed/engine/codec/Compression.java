package org.medfed.engine.codec;

import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.StrategyDecorator;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * Compressed updates around any strategy: hospitals encode their updates last, after any other filter (so after
 * DP's noise), and the loop decodes each reply against the model it sent before the strategy sees it. The
 * strategy's arithmetic is unchanged.
 */
public final class Compression extends StrategyDecorator {

    private final UpdateCodec codec;

    public Compression(Strategy inner, UpdateCodec codec) {
        super(inner);
        this.codec = codec;
    }

    public UpdateCodec codec() {
        return codec;
    }

    @Override
    public String id() {
        return inner.id() + "+" + codec.id();
    }

    @Override
    public List<ProcedureCall> clientFilters(String participant) {
        return filtersThen(participant, new ProcedureCall(Procedure.COMPRESS, codec.toParams()));
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return inner.aggregate(context, updates);
    }
}
