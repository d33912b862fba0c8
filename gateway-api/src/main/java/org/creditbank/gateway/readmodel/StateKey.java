package org.creditbank.gateway.readmodel;

import java.util.List;

/**
 * A world-state key taken apart: a Fabric composite key is {@code U+0000 type U+0000 (attribute
 * U+0000)*}; any other key is a simple key (object type empty, the key its one attribute).
 */
record StateKey(String objectType, List<String> attributes) {

    private static final char SEPARATOR = '\u0000';

    StateKey {
        attributes = List.copyOf(attributes);
    }

    static StateKey parse(String key) {
        if (key.isEmpty() || key.charAt(0) != SEPARATOR || key.charAt(key.length() - 1) != SEPARATOR || key.length() < 2) {
            return new StateKey("", List.of(key));
        }
        String[] parts = key.substring(1, key.length() - 1).split(String.valueOf(SEPARATOR), -1);
        return new StateKey(parts[0], List.of(parts).subList(1, parts.length));
    }

    /** The key as Fabric writes it. */
    String composite() {
        if (objectType.isEmpty()) {
            return attributes.get(0);
        }
        StringBuilder key = new StringBuilder().append(SEPARATOR).append(objectType).append(SEPARATOR);
        attributes.forEach(a -> key.append(a).append(SEPARATOR));
        return key.toString();
    }
}
