package org.medfed.engine.strategy.personal;

import org.medfed.engine.PersonalModel;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;

/** The request that asks each hospital, once the rounds are over, to make its personal model by one method. */
final class Personalisation {

    private Personalisation() {
    }

    static ProcedureCall call(String method, Params params) {
        return ProcedureCall.of(Procedure.PERSONALISE, Params.builder().all(params).text(PersonalModel.METHOD, method)
                .build());
    }
}
