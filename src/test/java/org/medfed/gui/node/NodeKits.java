package org.medfed.gui.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.medfed.project.CoordinatorAddress;
import org.medfed.network.pki.Validity;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.provision.StudyKit;

/** Start-up kits as {@code medfed provision} writes them, for the node window's tests. */
public final class NodeKits {

    static final Path HEART = Path.of("sample-projects/heart-4-hospitals/data").toAbsolutePath();

    private NodeKits() {
    }

    /** Provisions {@code study} for {@code hospitals} with the coordinator at 127.0.0.1:{@code port}. */
    public static Path provision(Path dir, String study, int port, String... hospitals) {
        try {
            new StudyKit(study, new CoordinatorAddress("127.0.0.1", port), List.of(hospitals),
                    Validity.days(30, Instant.now())).writeTo(dir, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public static Path hospital(Path kit, String name) {
        return KitLayout.hospitalFolder(kit, name);
    }

    /** Replaces the template's placeholder table with {@code csv} as dataset "heart"; keeps the kit's policy. */
    public static Path withHeartTable(Path hospitalFolder, String csv) throws IOException {
        Path file = hospitalFolder.resolve(KitLayout.NODE_CONFIG);
        String text = Files.readString(file).replace("\"id\" : \"data\"", "\"id\" : \"heart\"")
                .replace("data/table.csv", HEART.resolve(csv).toString().replace("\\", "/"))
                .replace("\"minimumCount\" : 10", "\"minimumCount\" : 5");
        Files.writeString(file, text);
        return file;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
