package org.medfed.engine.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Named typed values: the body of every request and reply. Keys are kept sorted so that a message has one
 * encoding. Reading a missing or mistyped field throws a {@link ProtocolException} naming it.
 */
public final class Params {

    public static final Params EMPTY = new Params(new TreeMap<>());

    private final Map<String, Value> values;

    private Params(TreeMap<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Params of(Map<String, Value> values) {
        return new Params(new TreeMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    /** These values and those of {@code other}; other's win on a clash. */
    public Params with(Params other) {
        TreeMap<String, Value> all = new TreeMap<>(values);
        all.putAll(other.values);
        return new Params(all);
    }

    public Map<String, Value> asMap() {
        return values;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public float[] floats(String key) {
        return as(key, Value.Floats.class).values();
    }

    public long[] longs(String key) {
        return as(key, Value.Longs.class).values();
    }

    public byte[] bytes(String key) {
        return as(key, Value.Bytes.class).bytes();
    }

    public double number(String key) {
        return as(key, Value.Number.class).value();
    }

    public double number(String key, double otherwise) {
        return has(key) ? number(key) : otherwise;
    }

    /** A number that must be a whole number within int range. */
    public int integer(String key) {
        double v = number(key);
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ProtocolException("field '" + key + "' must be a whole number, was " + v);
        }
        return (int) v;
    }

    public long longNumber(String key) {
        Value v = values.get(key);
        if (v instanceof Value.Longs l && l.values().length == 1) {
            return l.values()[0];
        }
        throw new ProtocolException(v == null ? "the message has no field '" + key + "'"
                : "field '" + key + "' is " + v.kindName() + ", expected a 64-bit integer");
    }

    public String text(String key) {
        return as(key, Value.Text.class).text();
    }

    public String text(String key, String otherwise) {
        return has(key) ? text(key) : otherwise;
    }

    public boolean flag(String key) {
        return has(key) && number(key) != 0;
    }

    /** The fields whose key starts with {@code prefix}, with the prefix removed. */
    public Params under(String prefix) {
        TreeMap<String, Value> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return new Params(out);
    }

    /** Bytes these values take in the simplest encoding (4 per float, 8 per integer or number, text in UTF-8). */
    public long payloadBytes() {
        long n = 0;
        for (Map.Entry<String, Value> e : values.entrySet()) {
            n += e.getKey().length();
            Value v = e.getValue();
            if (v instanceof Value.Floats f) {
                n += 4L * f.values().length;
            } else if (v instanceof Value.Longs l) {
                n += 8L * l.values().length;
            } else if (v instanceof Value.Bytes b) {
                n += b.bytes().length;
            } else if (v instanceof Value.Text t) {
                n += t.text().length();
            } else {
                n += 8;
            }
        }
        return n;
    }

    private <T extends Value> T as(String key, Class<T> kind) {
        Value v = values.get(key);
        if (v == null) {
            throw new ProtocolException("the message has no field '" + key + "'");
        }
        if (!kind.isInstance(v)) {
            throw new ProtocolException("field '" + key + "' is " + v.kindName() + ", expected "
                    + kindName(kind));
        }
        return kind.cast(v);
    }

    private static String kindName(Class<? extends Value> kind) {
        if (kind == Value.Floats.class) {
            return "a vector of numbers";
        }
        if (kind == Value.Longs.class) {
            return "a vector of integers";
        }
        if (kind == Value.Bytes.class) {
            return "a block of bytes";
        }
        if (kind == Value.Number.class) {
            return "a number";
        }
        return "a text";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, v instanceof Value.Number n ? String.valueOf(n.value())
                : v instanceof Value.Text t ? t.text() : v.toString()));
        return shown.toString();
    }

    /** Collects values; the last put of a key wins. */
    public static final class Builder {
        private final TreeMap<String, Value> values = new TreeMap<>();

        public Builder put(String key, Value value) {
            values.put(key, value);
            return this;
        }

        public Builder remove(String key) {
            values.remove(key);
            return this;
        }

        public Builder floats(String key, float[] v) {
            return put(key, new Value.Floats(v));
        }

        public Builder longs(String key, long[] v) {
            return put(key, new Value.Longs(v));
        }

        public Builder longNumber(String key, long v) {
            return put(key, new Value.Longs(new long[] {v}));
        }

        public Builder bytes(String key, byte[] v) {
            return put(key, new Value.Bytes(v));
        }

        public Builder number(String key, double v) {
            return put(key, new Value.Number(v));
        }

        public Builder text(String key, String v) {
            return put(key, new Value.Text(v));
        }

        public Builder flag(String key, boolean v) {
            return put(key, new Value.Number(v ? 1 : 0));
        }

        public Builder all(Params p) {
            values.putAll(p.values);
            return this;
        }

        /** Every value of {@code p} under {@code prefix}. */
        public Builder all(String prefix, Params p) {
            p.values.forEach((k, v) -> values.put(prefix + k, v));
            return this;
        }

        public Params build() {
            return new Params(new TreeMap<>(values));
        }
    }
}
