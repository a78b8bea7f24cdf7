package org.medfed.engine.protocol;

import java.util.Objects;

/** A procedure of the catalogue with the parameters of one call. */
public record ProcedureCall(Procedure procedure, Params params) {

    public ProcedureCall {
        Objects.requireNonNull(procedure, "procedure");
        params = params == null ? Params.EMPTY : params;
    }

    public static ProcedureCall of(Procedure procedure) {
        return new ProcedureCall(procedure, Params.EMPTY);
    }

    public static ProcedureCall of(Procedure procedure, Params params) {
        return new ProcedureCall(procedure, params);
    }
}
