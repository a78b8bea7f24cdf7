package org.medfed.network.provision;

import org.medfed.network.CoordinatorAddress;

/**
 * The {@code node.json} a hospital receives, to fill in. Plain text rather than a serialised object: it is a
 * template for people, laid out to be edited, and its exact schema belongs to the node.
 */
final class NodeConfigTemplate {

    private NodeConfigTemplate() {
    }

    static String render(String hospital, String study, CoordinatorAddress coordinator) {
        return "{\n"
                + "  \"schemaVersion\": 1,\n"
                + "  \"node\": " + quote(hospital) + ",\n"
                + "  \"study\": " + quote(study) + ",\n"
                + "  \"coordinator\": " + quote(coordinator.toString()) + ",\n"
                + "  \"certificate\": \"" + KitLayout.NODE_CERTIFICATE + "\",\n"
                + "  \"key\": \"" + KitLayout.NODE_KEY + "\",\n"
                + "  \"ca\": \"" + KitLayout.CA_CERTIFICATE + "\",\n"
                + "  \"datasets\": [\n"
                + "    {\"id\": \"heart\", \"kind\": \"table\", \"file\": \"PATH/TO/your-data.csv\"}\n"
                + "  ],\n"
                + "  \"policy\": {\n"
                + "    \"dataKinds\": [\"table\"],\n"
                + "    \"minimumCount\": 5,\n"
                + "    \"requireDifferentialPrivacy\": false,\n"
                + "    \"maxEpsilon\": null,\n"
                + "    \"maxRounds\": 1000\n"
                + "  },\n"
                + "  \"auditLog\": \"audit.jsonl\"\n"
                + "}\n";
    }

    /** A JSON string literal; a study may be called {@code Heart "B" 2027}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
