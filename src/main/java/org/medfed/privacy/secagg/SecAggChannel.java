package org.medfed.privacy.secagg;

import org.medfed.privacy.secagg.SecAggMessages.AdvertiseKeys;
import org.medfed.privacy.secagg.SecAggMessages.KeyDirectory;
import org.medfed.privacy.secagg.SecAggMessages.ShareDelivery;
import org.medfed.privacy.secagg.SecAggMessages.ShareKeys;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskRequest;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskResponse;

/**
 * How the aggregator exchanges the protocol's extra messages with a participant, besides the fit call that
 * carries the masked update. In process it calls the participant's {@link SecAggClient} directly; a networked
 * transport would send the same message objects. Any exception means that participant dropped out.
 */
public interface SecAggChannel {

    AdvertiseKeys advertise(String participant, int round) throws Exception;

    ShareKeys shareKeys(String participant, KeyDirectory directory) throws Exception;

    void deliverShares(String participant, ShareDelivery delivery) throws Exception;

    UnmaskResponse unmask(String participant, UnmaskRequest request) throws Exception;
}
