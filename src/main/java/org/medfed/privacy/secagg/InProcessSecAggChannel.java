package org.medfed.privacy.secagg;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medfed.privacy.secagg.SecAggMessages.AdvertiseKeys;
import org.medfed.privacy.secagg.SecAggMessages.KeyDirectory;
import org.medfed.privacy.secagg.SecAggMessages.ShareDelivery;
import org.medfed.privacy.secagg.SecAggMessages.ShareKeys;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskRequest;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskResponse;

/**
 * The channel of a simulated study: participants' clients live in this process. Dropouts can be scheduled (a
 * participant stops answering from a given phase on), for tests and for teaching what the threshold does.
 */
public final class InProcessSecAggChannel implements SecAggChannel {

    private final Map<String, SecAggClient> clients;
    private final Map<String, SecAggPhase> dropouts = new ConcurrentHashMap<>();

    public InProcessSecAggChannel(Map<String, SecAggClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    /** From {@code phase} on, {@code participant} no longer answers the protocol's messages. */
    public void dropFrom(String participant, SecAggPhase phase) {
        dropouts.put(participant, phase);
    }

    public void clearDropouts() {
        dropouts.clear();
    }

    private SecAggClient client(String participant, SecAggPhase phase) {
        SecAggPhase from = dropouts.get(participant);
        if (from != null && from.compareTo(phase) <= 0) {
            throw new IllegalStateException(participant + " is unreachable (simulated dropout at " + from + ")");
        }
        SecAggClient c = clients.get(participant);
        if (c == null) {
            throw new IllegalStateException(participant + " has no secure aggregation client");
        }
        return c;
    }

    /** Whether {@code participant} is scheduled to be gone at {@code phase}. */
    public boolean isDropped(String participant, SecAggPhase phase) {
        SecAggPhase from = dropouts.get(participant);
        return from != null && from.compareTo(phase) <= 0;
    }

    @Override
    public AdvertiseKeys advertise(String participant, int round) {
        return client(participant, SecAggPhase.ADVERTISE_KEYS).advertise(round);
    }

    @Override
    public ShareKeys shareKeys(String participant, KeyDirectory directory) {
        return client(participant, SecAggPhase.SHARE_KEYS).shareKeys(directory);
    }

    @Override
    public void deliverShares(String participant, ShareDelivery delivery) {
        client(participant, SecAggPhase.SHARE_KEYS).receiveShares(delivery);
    }

    @Override
    public UnmaskResponse unmask(String participant, UnmaskRequest request) {
        return client(participant, SecAggPhase.UNMASKING).unmask(request);
    }
}
