package org.medfed.study;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The version of this build, from the jar's manifest (or "development" when run from classes). */
public final class Version {

    static final String NOT_FOUND = "not found";

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * The Java runtime and the libraries that do the work, as found at run time (a jar swapped in an installation
     * shows its own version): Java, DL4J, gRPC, ONNX Runtime. Classes are looked up by name and not initialised,
     * so nothing native is loaded.
     */
    public static Map<String, String> components() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Java", Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")");
        out.put("DL4J", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        out.put("gRPC", manifestVersion("io.grpc.ManagedChannel"));
        out.put("ONNX Runtime", manifestVersion("ai.onnxruntime.OrtEnvironment"));
        return out;
    }

    /** The Implementation-Version of the jar holding {@code className}. */
    static String manifestVersion(String className) {
        try {
            Package p = Class.forName(className, false, Version.class.getClassLoader()).getPackage();
            String v = p == null ? null : p.getImplementationVersion();
            return v == null ? NOT_FOUND : v;
        } catch (ClassNotFoundException | LinkageError e) {
            return NOT_FOUND;
        }
    }

    /** The version in the pom.properties Maven puts into a jar it builds. */
    static String mavenVersion(String group, String artifact) {
        return fromProperties("/META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version");
    }

    /** A version written in a properties file inside a jar ({@code /javafx.properties}), or "not found". */
    public static String fromProperties(String resource, String key) {
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in == null) {
                return NOT_FOUND;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, NOT_FOUND);
        } catch (IOException e) {
            return NOT_FOUND;
        }
    }
}
