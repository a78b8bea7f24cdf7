package org.medfed.cli;

/**
 * Calls a memory-access method of {@code sun.misc.Unsafe} as protobuf and JavaFX do, for
 * {@link JvmOptionsFileTest} to start in a JVM of its own: Java 24 and later warn at the first such call unless told
 * to allow it. Through reflection, so that the compiler does not warn of an internal API.
 */
final class UnsafeMemoryAccessProbe {

    private UnsafeMemoryAccessProbe() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        var field = unsafeClass.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Object unsafe = field.get(null);
        Object offset = unsafeClass.getMethod("arrayBaseOffset", Class.class).invoke(unsafe, byte[].class);
        System.out.println("array base offset " + offset);
    }
}
