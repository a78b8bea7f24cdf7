package org.medfed.network.provision;

import java.nio.file.Path;

/** Where each file of a study kit lives, relative to the kit's folder. */
public final class KitLayout {

    public static final String README = "README.md";
    public static final String CA_DIR = "ca";
    public static final String COORDINATOR_DIR = "coordinator";
    public static final String HOSPITALS_DIR = "hospitals";

    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String COORDINATOR_CERTIFICATE = "coordinator.crt";
    public static final String COORDINATOR_KEY = "coordinator.key";
    public static final String NODE_CERTIFICATE = "node.crt";
    public static final String NODE_KEY = "node.key";
    public static final String NODE_CONFIG = "node.json";

    private KitLayout() {
    }

    public static Path caFolder(Path kit) {
        return kit.resolve(CA_DIR);
    }

    public static Path coordinatorFolder(Path kit) {
        return kit.resolve(COORDINATOR_DIR);
    }

    public static Path hospitalFolder(Path kit, String hospital) {
        return kit.resolve(HOSPITALS_DIR).resolve(hospital);
    }

    /** The entries a kit puts at its top level; any of them present means the folder already holds a kit. */
    static String[] topLevel() {
        return new String[] {CA_DIR, COORDINATOR_DIR, HOSPITALS_DIR, README};
    }
}
