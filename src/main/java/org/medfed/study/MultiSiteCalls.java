package org.medfed.study;

import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.SiteFailure;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/** One request to one hospital outside the rounds, its failure in the hospital's words. */
final class MultiSiteCalls {

    private MultiSiteCalls() {
    }

    static Params call(Participant hospital, SiteRequest request) {
        try {
            return hospital.call(request, RunControl.free());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw SiteFailure.failed(hospital.name(), e.toString());
        }
    }
}
