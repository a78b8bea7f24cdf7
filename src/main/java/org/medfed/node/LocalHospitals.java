package org.medfed.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medfed.network.coordinator.HereChannel;
import org.medfed.network.node.CallHandler;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The hospitals of a mixed study whose table is on this machine, each served as its own node would serve it (a
 * {@link TableDataset} of its file, read with the study's import options for it), so that they take part through
 * the same procedures as the hospitals behind nodes. Nothing here is policed or audited: the files are already
 * here.
 */
public final class LocalHospitals {

    private LocalHospitals() {
    }

    /** One handler per enabled hospital with a data file, by hospital name; none for a study of another kind. */
    public static Map<String, CallHandler> of(Study study, Path studyFile) {
        Map<String, CallHandler> out = new LinkedHashMap<>();
        if (!"tabular".equals(study.dataType()) || study.data() == null) {
            return out;
        }
        for (ParticipantEntry p : study.enabledParticipants()) {
            if (p.isRemote() || p.data().size() != 1) {
                continue;
            }
            // the minimum count of 1 withholds nothing: these counts never leave this machine
            TableDataset table = new TableDataset(HereChannel.DATASET, StudyFile.resolve(studyFile, p.data().get(0)),
                    p.csvFormat(study.data().csvFormat()), 1, null);
            out.put(p.name(), new DatasetCallHandler(Map.of(HereChannel.DATASET, table)));
        }
        return out;
    }
}
