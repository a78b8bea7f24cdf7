package org.medfed.node;

import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.node.CallHandler;

/**
 * Routes each call to the dataset it names. The coordinator names a dataset by id; the node serves only the
 * datasets its configuration registers and never opens a path it is sent.
 */
public final class DatasetCallHandler implements CallHandler {

    private final Map<String, ServedDataset> datasets;

    public DatasetCallHandler(Map<String, ? extends ServedDataset> datasets) {
        this.datasets = Map.copyOf(datasets);
    }

    ServedDataset dataset(String id) {
        ServedDataset d = datasets.get(id);
        if (d == null) {
            throw new ProtocolException("this node has no dataset '" + id + "'; it registers "
                    + String.join(", ", new TreeMap<>(datasets).keySet().stream().map(known -> "'" + known + "'").toList())
                    + " (the \"id\" of each entry of its node.json's \"datasets\"): name one of them as this "
                    + "hospital's \"dataset\" in the study");
        }
        return d;
    }

    @Override
    public Params handle(String dataset, SiteRequest request, RunControl control) {
        return dataset(dataset).handle(request, control);
    }
}
