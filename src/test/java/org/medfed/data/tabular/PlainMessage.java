package org.medfed.data.tabular;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A summary record as a typed key/value message would carry it, built only from the record's accessors: nested
 * maps of component name to String, number, boolean, primitive array, List or Map. A remote site would send this
 * form; turning it back into the record proves nothing else is needed.
 */
final class PlainMessage {

    private static final Set<Class<?>> LEAVES = Set.of(String.class, Integer.class, Long.class, Double.class,
            Boolean.class, int.class, long.class, double.class, boolean.class, int[].class, long[].class, double[].class);

    private PlainMessage() {
    }

    /** A record's fields by name: its keys are the message's field names, unlike a Map's keys, which are data. */
    static final class Fields extends LinkedHashMap<String, Object> {
    }

    /** The record as nested plain values; fails on any value of another type. */
    static Object toPlain(Object value) {
        if (value == null || LEAVES.contains(value.getClass())) {
            return value instanceof double[] d ? d.clone() : value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(toPlain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, toPlain(v)));
            return out;
        }
        if (value.getClass().isRecord()) {
            Fields out = new Fields();
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), toPlain(c.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        throw new AssertionError("not a plain value: " + value.getClass().getName());
    }

    /** The record (or list, map, value) of {@code type} back from its plain form. */
    @SuppressWarnings("unchecked")
    static <T> T fromPlain(Type type, Object plain) {
        if (plain == null) {
            return null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> out = new ArrayList<>();
            ((List<?>) plain).forEach(v -> out.add(fromPlain(p.getActualTypeArguments()[0], v)));
            return (T) out;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, ?>) plain).forEach((k, v) -> out.put(k, fromPlain(p.getActualTypeArguments()[1], v)));
            return (T) out;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = fromPlain(components[i].getGenericType(), ((Map<String, ?>) plain).get(components[i].getName()));
            }
            try {
                Constructor<?> canonical = c.getDeclaredConstructor(types);
                return (T) canonical.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return (T) plain;
    }

    /** A copy of {@code record} that went through its plain form. */
    static <T> T roundTrip(T record) {
        return fromPlain(record.getClass(), toPlain(record));
    }

    /** Names of every component type, recursively, that is not a plain Java type. */
    static List<String> nonPlainTypes(Type type) {
        List<String> out = new ArrayList<>();
        collectNonPlain(type, out);
        return out;
    }

    private static void collectNonPlain(Type type, List<String> out) {
        if (type instanceof ParameterizedType p && (p.getRawType() == List.class || p.getRawType() == Map.class)) {
            Type[] args = p.getActualTypeArguments();
            if (p.getRawType() == Map.class && args[0] != String.class) {
                out.add(type.getTypeName() + " (keys must be strings)");
            }
            collectNonPlain(args[args.length - 1], out);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collectNonPlain(rc.getGenericType(), out);
            }
        } else if (!(type instanceof Class<?> c && LEAVES.contains(c))) {
            out.add(type.getTypeName());
        }
    }
}
